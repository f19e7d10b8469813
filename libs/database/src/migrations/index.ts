import { Foundation1795608235534 } from './1795608235534-Foundation';
import { AuditAppendOnly1795608235535 } from './1795608235535-AuditAppendOnly';
import { MediaConsentNotifications1795608757259 } from './1795608757259-MediaConsentNotifications';
import { PostsApprovalsCompliance1795608868566 } from './1795608868566-PostsApprovalsCompliance';
import { PostRevisionsImmutable1795608868567 } from './1795608868567-PostRevisionsImmutable';
import { MetricsConversationsDigest1795609735151 } from './1795609735151-MetricsConversationsDigest';
import { ChannelsPublishing1795610741739 } from './1795610741739-ChannelsPublishing';
import { MetricsClaimOrder1795615742994 } from './1795615742994-MetricsClaimOrder';
import { AuditRetention1795620000000 } from './1795620000000-AuditRetention';
import { MfaSso1796618297445 } from './1796618297445-MfaSso';
import { IdentityLifecycle1796618376704 } from './1796618376704-IdentityLifecycle';
import { PublicationClaimHeartbeat1796618378154 } from './1796618378154-PublicationClaimHeartbeat';
import { MediaText1796618750523 } from './1796618750523-MediaText';
import { RestrictedTerms1796620485192 } from './1796620485192-RestrictedTerms';
import { PushSubscriptions1796645830970 } from './1796645830970-PushSubscriptions';
import { FeedbackCategory1796646557611 } from './1796646557611-FeedbackCategory';
import { TrackedLinks1796656153865 } from './1796656153865-TrackedLinks';
import { ReadVersions1796656619987 } from './1796656619987-ReadVersions';
import { FeedbackOwners1796656629936 } from './1796656629936-FeedbackOwners';
import { ReadVersionsFeedbackLinks1796700000000 } from './1796700000000-ReadVersionsFeedbackLinks';
import { PublicationThreadTweets1796800000000 } from './1796800000000-PublicationThreadTweets';
import { ThreadMetrics1796800000001 } from './1796800000001-ThreadMetrics';
import { PublicationSendingAt1796656176405 } from './1796656176405-PublicationSendingAt';

/** In order; `npm run migration:generate -- Name` writes a new file to add here. */
export const migrations = [
  Foundation1795608235534,
  AuditAppendOnly1795608235535,
  MediaConsentNotifications1795608757259,
  PostsApprovalsCompliance1795608868566,
  PostRevisionsImmutable1795608868567,
  MetricsConversationsDigest1795609735151,
  ChannelsPublishing1795610741739,
  MetricsClaimOrder1795615742994,
  AuditRetention1795620000000,
  MfaSso1796618297445,
  IdentityLifecycle1796618376704,
  PublicationClaimHeartbeat1796618378154,
  MediaText1796618750523,
  RestrictedTerms1796620485192,
  PushSubscriptions1796645830970,
  FeedbackCategory1796646557611,
  TrackedLinks1796656153865,
  PublicationSendingAt1796656176405,
  ReadVersions1796656619987,
  FeedbackOwners1796656629936,
  ReadVersionsFeedbackLinks1796700000000,
  PublicationThreadTweets1796800000000,
  ThreadMetrics1796800000001,
];
