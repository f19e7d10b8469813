import { Injectable, Logger } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { EntityManager } from 'typeorm';
import { JobProducer, PublicationJobData, QueueName } from '@rounds/queue';
import { AfterCommit } from '../notifications/after-commit';
import { PostStatus } from '../lifecycle/statuses';
import { PublicationRepository } from './publication.repository';
import { publishJob, publishJobId, youtubeJob } from './publish-jobs';

/** Statuses whose publish job must not run: removed from Redis, and YouTube videos withdrawn. */
const WITHDRAWN: readonly string[] = [PostStatus.Held, PostStatus.Cancelled, PostStatus.Expired];
const FINISHED = ['completed', 'failed', 'unknown'];
/** A delayed job this close to its time is left alone. */
const ON_TIME_MS = 1_000;

/**
 * Keeps Redis in step with PostgreSQL: one delayed publish job per scheduled publication at its
 * post's time. Posts call `syncPost` inside any transaction that changes a post's schedule, status
 * or publications (approve, reschedule, hold, release, cancel, edit); the queue is updated once it
 * commits. Reschedule moves the delayed job (`changeDelay`); a job kept after it finished (the
 * dedupe window) is removed before the publication is enqueued again.
 */
@Injectable()
export class PublicationScheduler {
  private readonly logger = new Logger(PublicationScheduler.name);

  constructor(
    private readonly publications: PublicationRepository,
    private readonly producer: JobProducer,
    private readonly afterCommit: AfterCommit,
  ) {}

  syncPost(manager: EntityManager, post: { organizationId: string; id: string }): void {
    this.afterCommit.schedule(manager, () => {
      this.sync(post.organizationId, post.id).catch((err: unknown) =>
        // The reconciler rebuilds whatever this missed.
        this.logger.warn({ err, postId: post.id }, 'could not update the publish queue'),
      );
    });
  }

  async sync(organizationId: string, postId: string): Promise<void> {
    const publications = await this.publications.queuedOfPost(organizationId, postId);
    for (const publication of publications) {
      if (publication.status === PostStatus.Scheduled) {
        await this.ensurePublishJob(publication, publication.scheduledAt);
      } else if (WITHDRAWN.includes(publication.status)) {
        await this.queue(QueueName.Publish).remove(publishJobId(publication.publicationId));
      }
      if (publication.platform === 'youtube') await this.syncYoutube(publication);
    }
  }

  /**
   * Exactly one publish job, due at `runAt`, whatever state Redis is in. `moveDelayed: false`
   * leaves a delayed job where it is (it may be waiting for a retry or a rate-limit reset).
   */
  async ensurePublishJob(ref: PublicationJobData, runAt: Date, moveDelayed = true): Promise<void> {
    const job = publishJob(ref, runAt);
    const queue = this.queue(QueueName.Publish);
    const existing = (await queue.getJob(job.opts.jobId)) as Job | undefined;
    if (existing) {
      const state = await existing.getState();
      if (state === 'delayed') {
        const dueAt = existing.timestamp + existing.delay;
        if (moveDelayed && Math.abs(dueAt - runAt.getTime()) > ON_TIME_MS) {
          await existing.changeDelay(job.opts.delay);
        }
        return;
      }
      // Waiting or running: the worker checks the time itself and waits if it is early.
      if (!FINISHED.includes(state)) return;
      await existing.remove();
    }
    await this.producer.enqueue(job.name, job.data, job.opts);
  }

  /**
   * `ensurePublishJob(ref, runAt, false)` for many publications in a few round trips: a job is
   * added where Redis has none or only a finished one; a waiting, running or delayed one is left
   * (it comes back on its own: a crashed worker's running job once its lock expires). `first`:
   * the added jobs go ahead of the jobs already waiting. Returns how many it added.
   */
  async ensurePublishJobs(
    wanted: { ref: PublicationJobData; runAt: Date }[],
    { first = false } = {},
  ): Promise<number> {
    const queue = this.queue(QueueName.Publish);
    const states = await Promise.all(
      wanted.map(({ ref }) => queue.getJobState(publishJobId(ref.publicationId))),
    );
    const missing = wanted.filter((_, i) => FINISHED.includes(states[i]));
    const kept = wanted.filter((_, i) => FINISHED.includes(states[i]) && states[i] !== 'unknown');
    await Promise.all(kept.map(({ ref }) => queue.remove(publishJobId(ref.publicationId))));
    const jobs = missing.map(({ ref, runAt }) => publishJob(ref, runAt));
    await queue.addBulk(jobs.map((job) => ({ ...job, opts: { ...job.opts, lifo: first } })));
    return missing.length;
  }

  /** Upload ahead, keep YouTube's schedule, or withdraw the video: whatever the publication needs now. */
  async syncYoutube(ref: PublicationJobData): Promise<void> {
    const job = youtubeJob(ref);
    await this.producer.enqueue(job.name, job.data, job.opts);
  }

  queue(name: QueueName): Queue {
    return this.producer.queue(name);
  }
}
