import { ApprovalEntity } from './approvals/approval.entity';
import { AuditEventEntity } from './audit/audit-event.entity';
import { ChannelAuthorizationEntity } from './channels/channel-authorization.entity';
import { ChannelEntity } from './channels/channel.entity';
import { ComplianceFindingEntity } from './compliance/compliance-finding.entity';
import { ConversationCursorEntity } from './conversations/conversation-cursor.entity';
import { ConversationMessageEntity } from './conversations/conversation-message.entity';
import { ConversationNoteEntity } from './conversations/conversation-note.entity';
import { ConversationReplyEntity } from './conversations/conversation-reply.entity';
import { ReplyApprovalEntity } from './conversations/reply-approval.entity';
import { ReplyTemplateEntity } from './conversations/reply-template.entity';
import { RestrictedTermEntity } from './compliance/restricted-term.entity';
import { FeedbackGroupEntity } from './feedback/feedback-group.entity';
import { FeedbackRouteEntity } from './feedback/feedback-route.entity';
import { DigestSendEntity } from './digest/digest-send.entity';
import { MfaRecoveryCodeEntity } from './identity/mfa/mfa-recovery-code.entity';
import { UserMfaEntity } from './identity/mfa/user-mfa.entity';
import { AccountTokenEntity } from './identity/account-token.entity';
import { RefreshTokenEntity } from './identity/refresh-token.entity';
import { SsoConnectionEntity } from './identity/sso/sso-connection.entity';
import { SsoLoginEntity } from './identity/sso/sso-login.entity';
import { UserEntity } from './identity/user.entity';
import { LinkClickFlushEntity } from './links/link-click-flush.entity';
import { LinkDailyClicksEntity } from './links/link-daily-clicks.entity';
import { TrackedLinkEntity } from './links/tracked-link.entity';
import { ConsentRecordEntity } from './media/consent-record.entity';
import { MediaEntity } from './media/media.entity';
import { ImageTextEntity } from './media/text/image-text.entity';
import { ChannelAudienceEntity } from './metrics/channel-audience.entity';
import { ChannelDailyMetricsEntity } from './metrics/channel-daily-metrics.entity';
import { MetricSnapshotEntity } from './metrics/metric-snapshot.entity';
import { PlatformUsageEntity } from './metrics/platform-usage.entity';
import { PublicationDailyMetricsEntity } from './metrics/publication-daily-metrics.entity';
import { PublicationMetricsEntity } from './metrics/publication-metrics.entity';
import { NotificationEntity } from './notifications/notification.entity';
import { PushSubscriptionEntity } from './push/push-subscription.entity';
import { OrganizationEntity } from './organizations/organization.entity';
import { PostRevisionEntity } from './posts/post-revision.entity';
import { PostEntity } from './posts/post.entity';
import { PublicationEntity } from './posts/publication.entity';
import { YoutubeUploadEntity } from './publishing/youtube-upload.entity';
import { ReadVersionEntity } from './read-versions/read-version.entity';

/** Every entity, for the data source and the migration generator. */
export const entities = [
  OrganizationEntity,
  UserEntity,
  RefreshTokenEntity,
  AccountTokenEntity,
  AuditEventEntity,
  MediaEntity,
  ImageTextEntity,
  ConsentRecordEntity,
  NotificationEntity,
  PushSubscriptionEntity,
  ChannelEntity,
  PostEntity,
  PostRevisionEntity,
  PublicationEntity,
  ApprovalEntity,
  ComplianceFindingEntity,
  MetricSnapshotEntity,
  PublicationMetricsEntity,
  PublicationDailyMetricsEntity,
  ChannelDailyMetricsEntity,
  ChannelAudienceEntity,
  PlatformUsageEntity,
  ConversationMessageEntity,
  ConversationNoteEntity,
  ConversationCursorEntity,
  ConversationReplyEntity,
  ReplyApprovalEntity,
  ReplyTemplateEntity,
  RestrictedTermEntity,
  FeedbackGroupEntity,
  FeedbackRouteEntity,
  DigestSendEntity,
  ChannelAuthorizationEntity,
  YoutubeUploadEntity,
  UserMfaEntity,
  MfaRecoveryCodeEntity,
  SsoConnectionEntity,
  SsoLoginEntity,
  ReadVersionEntity,
  TrackedLinkEntity,
  LinkDailyClicksEntity,
  LinkClickFlushEntity,
];
