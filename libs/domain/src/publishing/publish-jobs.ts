import type { JobsOptions } from 'bullmq';
import { JobName, PublicationJobData } from '@rounds/queue';

/** Deterministic job ids (BullMQ refuses ':' in a custom id): enqueuing twice is harmless. */
export const publishJobId = (publicationId: string) => `publish-${publicationId}`;
export const youtubeJobId = (publicationId: string) => `youtube-${publicationId}`;

/** BullMQ's own retries only cover crashes of the handler; platform retries are counted in PostgreSQL. */
const SAFETY_NET: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 5_000, jitter: 0.5 },
};

/** The publish job of a publication due at `runAt`: what approval, release and the reconciler add. */
export function publishJob(ref: PublicationJobData, runAt: Date, now = Date.now()) {
  return {
    name: JobName.PublishPublication,
    data: { organizationId: ref.organizationId, publicationId: ref.publicationId },
    opts: {
      ...SAFETY_NET,
      jobId: publishJobId(ref.publicationId),
      delay: Math.max(0, runAt.getTime() - now),
    },
  } as const;
}

/** Brings the publication's YouTube video in line (upload ahead, schedule, withdraw); idempotent. */
export function youtubeJob(ref: PublicationJobData) {
  return {
    name: JobName.SyncYoutubeVideo,
    data: { organizationId: ref.organizationId, publicationId: ref.publicationId },
    opts: { ...SAFETY_NET, jobId: youtubeJobId(ref.publicationId), removeOnComplete: true },
  } as const;
}
