/** Every BullMQ queue. Names may not contain ':' (BullMQ uses it as its key separator). */
export enum QueueName {
  Maintenance = 'maintenance',
  Metrics = 'metrics',
  Conversations = 'conversations',
  Digest = 'digest',
  Publish = 'publish',
  YoutubeUploads = 'youtube-uploads',
  Reconcile = 'reconcile',
  Media = 'media',
}

/** Every job, each handled by exactly one processor (checked at worker boot). */
export enum JobName {
  VerifyAuditChains = 'verify-audit-chains',
  CheckpointAuditChains = 'checkpoint-audit-chains',
  ApplyRetention = 'apply-retention',
  EscalateOverdueFeedback = 'escalate-overdue-feedback',
  MetricsSweep = 'metrics-sweep',
  CollectMetrics = 'collect-metrics',
  CollectAudience = 'collect-audience',
  FlushLinkClicks = 'flush-link-clicks',
  ConversationsSweep = 'conversations-sweep',
  PullConversations = 'pull-conversations',
  SendReply = 'send-reply',
  DigestSweep = 'digest-sweep',
  SendDigest = 'send-digest',
  PublishPublication = 'publish-publication',
  SyncYoutubeVideo = 'sync-youtube-video',
  ReconcilePublications = 'reconcile-publications',
  RecognizeImageText = 'recognize-image-text',
}

/** One publication of one organization: what every publishing job is about. */
export interface PublicationJobData {
  organizationId: string;
  publicationId: string;
}

/** Payloads carry ids only; handlers re-read state (a job replayed later acts on what is true then). */
export interface JobPayloads {
  [JobName.VerifyAuditChains]: Record<string, never>;
  [JobName.CheckpointAuditChains]: Record<string, never>;
  [JobName.ApplyRetention]: Record<string, never>;
  [JobName.EscalateOverdueFeedback]: Record<string, never>;
  [JobName.MetricsSweep]: Record<string, never>;
  /** Up to 100 (X) or 50 (YouTube) publications of one channel, read in one request. */
  [JobName.CollectMetrics]: { organizationId: string; channelId: string; publicationIds: string[] };
  [JobName.CollectAudience]: { organizationId: string; channelId: string; day: string };
  /** Moves the link visits counted in Redis to PostgreSQL. */
  [JobName.FlushLinkClicks]: Record<string, never>;
  [JobName.ConversationsSweep]: Record<string, never>;
  [JobName.PullConversations]: { organizationId: string; channelId: string };
  [JobName.SendReply]: { organizationId: string; replyId: string };
  [JobName.DigestSweep]: Record<string, never>;
  [JobName.SendDigest]: { organizationId: string; weekStart: string };
  [JobName.PublishPublication]: PublicationJobData;
  [JobName.SyncYoutubeVideo]: PublicationJobData;
  [JobName.ReconcilePublications]: Record<string, never>;
  /** OCR of one uploaded image, then a re-scan of the posts in review that use it. */
  [JobName.RecognizeImageText]: { organizationId: string; mediaId: string };
}

export type JobData<T extends JobName> = JobPayloads[T];

/** The queue each job runs on. */
export const JOB_QUEUE: { [T in JobName]: QueueName } = {
  [JobName.VerifyAuditChains]: QueueName.Maintenance,
  [JobName.CheckpointAuditChains]: QueueName.Maintenance,
  [JobName.ApplyRetention]: QueueName.Maintenance,
  [JobName.EscalateOverdueFeedback]: QueueName.Maintenance,
  [JobName.MetricsSweep]: QueueName.Metrics,
  [JobName.CollectMetrics]: QueueName.Metrics,
  [JobName.CollectAudience]: QueueName.Metrics,
  [JobName.FlushLinkClicks]: QueueName.Metrics,
  [JobName.ConversationsSweep]: QueueName.Conversations,
  [JobName.PullConversations]: QueueName.Conversations,
  [JobName.SendReply]: QueueName.Conversations,
  [JobName.DigestSweep]: QueueName.Digest,
  [JobName.SendDigest]: QueueName.Digest,
  [JobName.PublishPublication]: QueueName.Publish,
  [JobName.SyncYoutubeVideo]: QueueName.YoutubeUploads,
  [JobName.ReconcilePublications]: QueueName.Reconcile,
  [JobName.RecognizeImageText]: QueueName.Media,
};
