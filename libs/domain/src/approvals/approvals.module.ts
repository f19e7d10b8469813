import { Module } from '@nestjs/common';
import { ReviewRules } from './review-rules.service';
import { ComplianceModule } from '../compliance/compliance.module';
import { RoleGrantsService } from '../identity/role-grants.service';
import { NotificationsModule } from '../notifications/notifications.module';
import { PostsModule } from '../posts/posts.module';
import { ApprovalQueueService } from './approval-queue.service';
import { ApprovalService } from './approval.service';
import { ReviewService } from './review.service';

@Module({
  imports: [PostsModule, ComplianceModule, NotificationsModule],
  providers: [ReviewService, ApprovalService, ApprovalQueueService, RoleGrantsService, ReviewRules],
  exports: [ReviewService, ApprovalService, ApprovalQueueService],
})
export class ApprovalsModule {}
