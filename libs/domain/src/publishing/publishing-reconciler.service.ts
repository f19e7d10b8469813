import { Inject, Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@rounds/config';
import { QueueName, REDIS, type RedisClient } from '@rounds/queue';
import { PostMaintenanceService } from '../posts/post-maintenance.service';
import { PostStatus } from '../lifecycle/statuses';
import { publishJobId } from './publish-jobs';
import { PublicationScheduler } from './publication-scheduler.service';
import { PublicationRepository, QueuedPublication } from './publication.repository';

export interface ReconcileReport {
  expired: number;
  heldWhilePaused: number;
  heldForConsent: number;
  /** Jobs (re)created because Redis had none for a due or in-doubt publication. */
  requeued: number;
  youtubeSynced: number;
}

const BATCH = 5_000;

/**
 * Every minute (a job scheduler), and at once when a worker sees that Redis lost its data:
 * PostgreSQL is the truth and Redis is made to match it. Jobs missing for due and in-doubt
 * publications are rebuilt, and the posts module expires and holds what is due. (Claims whose
 * worker died are the heartbeat's: StaleClaimRecovery.) YouTube videos are brought back in line with pauses and cancellations.
 */
@Injectable()
export class PublishingReconciler {
  private readonly logger = new Logger(PublishingReconciler.name);

  constructor(
    private readonly publications: PublicationRepository,
    private readonly config: AppConfig,
    private readonly scheduler: PublicationScheduler,
    private readonly maintenance: PostMaintenanceService,
    @Inject(REDIS) private readonly redis: RedisClient,
  ) {}

  async run(now = new Date()): Promise<ReconcileReport> {
    const report: ReconcileReport = {
      expired: (await this.maintenance.expireOverdue(now)).length,
      heldWhilePaused: (await this.maintenance.holdDuePublications(now)).length,
      heldForConsent: (await this.maintenance.holdPostsWithLapsedConsent(now)).length,
      requeued: await this.requeue(now),
      youtubeSynced: await this.syncYoutube(now),
    };
    if (Object.values(report).some((n) => n > 0)) this.logger.log(report, 'reconciled');
    return report;
  }

  /**
   * Due (or soon due) scheduled publications and in-doubt ones whose job is not in Redis get one;
   * one round trip checks them all. Overdue and in-doubt ones with a job are checked closely (a
   * finished job kept in the dedupe window would hide them), all together.
   */
  private async requeue(now: Date): Promise<number> {
    const horizon = new Date(now.getTime() + 2 * this.config.RECONCILE_INTERVAL_MS);
    const candidates = await this.publications.dueForQueue(horizon, BATCH);
    if (candidates.length === 0) return 0;
    const queue = this.scheduler.queue(QueueName.Publish);
    const pipeline = this.redis.pipeline();
    for (const c of candidates) pipeline.exists(queue.toKey(publishJobId(c.publicationId)));
    const exists = ((await pipeline.exec()) ?? []).map(([, found]) => found === 1);
    const overdue = now.getTime() - this.config.RECONCILE_INTERVAL_MS;
    const onTime = (c: QueuedPublication) =>
      c.status === PostStatus.Scheduled && c.scheduledAt.getTime() > overdue;
    // After a FLUSHALL that is every due post: added one by one (three round trips each) they
    // held a 1,000-post backlog back for over a minute.
    const unsure = candidates.filter((c, i) => !exists[i] || !onTime(c));
    return this.scheduler.ensurePublishJobs(unsure.map((c) => ({ ref: c, runAt: runAt(c, now) })));
  }

  /**
   * YouTube keeps its own schedule (publishAt), so pauses, holds and cancellations must reach it:
   * videos scheduled while their organization is paused or their publication no longer scheduled,
   * and scheduled public posts whose video is not uploaded and scheduled yet.
   */
  private async syncYoutube(now: Date): Promise<number> {
    const soon = new Date(now.getTime() + 2 * this.config.RECONCILE_INTERVAL_MS);
    const refs = await this.publications.youtubeOutOfStep(soon, BATCH);
    for (const ref of refs) await this.scheduler.syncYoutube(ref);
    return refs.length;
  }
}

/** An in-doubt publication is verified now; a scheduled one runs at its time. */
const runAt = (c: QueuedPublication, now: Date) =>
  c.status === PostStatus.InDoubt || c.scheduledAt < now ? now : c.scheduledAt;
