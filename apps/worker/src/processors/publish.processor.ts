import { Injectable } from '@nestjs/common';
import { DelayedError } from 'bullmq';
import { AppConfig } from '@rounds/config';
import { PublicationScheduler, PublisherService, whileDatabaseDown } from '@rounds/domain';
import { JobName, JobProducer, QueueName } from '@rounds/queue';
import { ConfiguredJobProcessor, continueLater } from './configured-job-processor';
import { JobHandlers } from './job-processor';

@Injectable()
export class PublishProcessor extends ConfiguredJobProcessor {
  readonly queue = QueueName.Publish;

  constructor(
    private readonly publisher: PublisherService,
    private readonly scheduler: PublicationScheduler,
    private readonly config: AppConfig,
    protected readonly producer: JobProducer,
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
  protected workerOptions() {
    return {
      concurrency: this.config.WORKER_CONCURRENCY,
      lockDuration: this.config.CLAIM_TTL_MS,
      stalledInterval: Math.round(this.config.CLAIM_TTL_MS / 3),
      // A stalled publish cannot post twice (the claim in PostgreSQL), so let it come back.
      maxStalledCount: 10,
    };
  }
}
