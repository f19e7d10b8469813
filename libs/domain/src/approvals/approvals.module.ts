import { Module } from '@nestjs/common';
import { ComplianceModule } from '../compliance/compliance.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { PostsModule } from '../posts/posts.module';
import { ApprovalQueueService } from './approval-queue.service';
import { ApprovalService } from './approval.service';
import { ReviewService } from './review.service';

@Module({
  imports: [PostsModule, ComplianceModule, NotificationsModule],
  providers: [ReviewService, ApprovalService, ApprovalQueueService],
  exports: [ReviewService, ApprovalService, ApprovalQueueService],
})
export class ApprovalsModule {}
