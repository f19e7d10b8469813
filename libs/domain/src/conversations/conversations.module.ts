import { Module } from '@nestjs/common';
import { ConversationRepository } from './conversation.repository';
import { ReviewRules } from '../approvals/review-rules.service';
import { LifecycleModule } from '../lifecycle/lifecycle.module';
import { ChannelsModule } from '../channels/channels.module';
import { ComplianceModule } from '../compliance/compliance.module';
import { RoleGrantsService } from '../identity/role-grants.service';
import { NotificationsModule } from '../notifications/notifications.module';
import { ConversationPuller } from './conversation-puller.service';
import { ConversationsSweep } from './conversations-sweep.service';
import { FeedbackModule } from '../feedback';
import { FeedbackAlerts } from './feedback-alerts.service';
import { MessageTriageService } from './message-triage.service';
import { InboxService } from './inbox.service';
import { RepliesService } from './replies.service';
import { ReplySender } from './reply-sender.service';
import { ReplyTemplatesService } from './reply-templates.service';

const services = [
  InboxService,
  RepliesService,
  ReplyTemplatesService,
  ConversationPuller,
  ReplySender,
  ConversationsSweep,
  MessageTriageService,
  FeedbackAlerts,
];

/** The inbox, replies and templates (api), and pulling and sending them (worker). */
@Module({
  imports: [ChannelsModule, ComplianceModule, FeedbackModule, LifecycleModule, NotificationsModule],
  // RoleGrantsService is stateless and needs only the config: the worker has no IdentityModule.
  providers: [...services, ConversationRepository, RoleGrantsService, ReviewRules],
  exports: services,
})
export class ConversationsModule {}
