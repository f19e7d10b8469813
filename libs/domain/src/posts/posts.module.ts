import { Module } from '@nestjs/common';
import { ApprovalPolicyService } from '../approvals/approval-policy.service';
import { ComplianceModule } from '../compliance/compliance.module';
import { LifecycleModule } from '../lifecycle/lifecycle.module';
import { LinksModule } from '../links';
import { MediaModule } from '../media/media.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { PublicationQueueModule } from '../publishing/publication-queue.module';
import { ContentComposer } from './content-composer.service';
import { PostActionsService } from './post-actions.service';
import { PostMaintenanceService } from './post-maintenance.service';
import { PostQueriesService } from './post-queries.service';
import { PostScheduler } from './post-scheduler.service';
import { PostsService } from './posts.service';

const services = [
  PostsService,
  ContentComposer,
  PostQueriesService,
  PostActionsService,
  PostMaintenanceService,
  PostScheduler,
  ApprovalPolicyService,
];

/** Posts, revisions and publications; the worker imports it for the maintenance methods. */
@Module({
  imports: [
    ComplianceModule,
    LifecycleModule,
    LinksModule,
    MediaModule,
    NotificationsModule,
    PublicationQueueModule,
  ],
  providers: services,
  exports: services,
})
export class PostsModule {}
