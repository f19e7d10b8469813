import { Injectable, Logger } from '@nestjs/common';
import { DelayedError, Job } from 'bullmq';
import { AppConfig } from '@rounds/config';
import {
  PublicationScheduler,
  PublishOutcome,
  PublisherService,
  whileDatabaseDown,
} from '@rounds/domain';
import { JobName, QueueName } from '@rounds/queue';
import { JobHandlers, JobProcessor } from './job-processor';

@Injectable()
export class PublishProcessor extends JobProcessor {
  readonly queue = QueueName.Publish;

  constructor(
    private readonly publisher: PublisherService,
    private readonly scheduler: PublicationScheduler,
    private readonly config: AppConfig,
  ) {
    super();
  }

  readonly handlers: JobHandlers = {
    [JobName.PublishPublication]: async (ref, job) => {
      // The claim in PostgreSQL makes a second run harmless, so a restarting database is waited for.
      const outcome = await whileDatabaseDown(
        () => this.publisher.publish(ref),
        this.config.CLAIM_TTL_MS,
      );
      try {
        return await continueLater(job, outcome);
      } catch (error) {
        if (error instanceof DelayedError || !('later' in outcome)) throw error;
        // Redis lost the job under us (a flush, a failover): a new one carries the next try.
        await this.scheduler.ensurePublishJob(ref, outcome.later, false);
        return `requeued: ${outcome.reason}`;
      }
    },
  };

  /**
   * Many posts wait on the platforms at once. The lock is renewed while a job runs; a crashed
   * worker's jobs come back within the claim TTL (their claims are verified by the heartbeat's sweep).
   */
  protected override workerOptions() {
    return {
      concurrency: this.config.WORKER_CONCURRENCY,
      lockDuration: this.config.CLAIM_TTL_MS,
      stalledInterval: Math.round(this.config.CLAIM_TTL_MS / 3),
      // A stalled publish cannot post twice (the claim in PostgreSQL), so let it come back.
      maxStalledCount: 10,
    };
  }
}

/** Finishes the job, or moves it back to delayed until the outcome's time (no attempt used). */
export async function continueLater(job: Job, outcome: PublishOutcome): Promise<string> {
  new Logger('PublishJob').debug({ jobId: job.id, ...outcome }, 'outcome');
  if ('done' in outcome) return outcome.done;
  await job.moveToDelayed(outcome.later.getTime(), job.token);
  throw new DelayedError(outcome.reason);
}
