import { Injectable } from '@nestjs/common';
import { AppConfig } from '@rounds/config';
import { publishTimings, PublisherService } from '@rounds/domain';
import { JobName, JobProducer, QueueName } from '@rounds/queue';
import { ConfiguredJobProcessor, continueLater } from './configured-job-processor';
import { JobHandlers } from './job-processor';

@Injectable()
export class PublishProcessor extends ConfiguredJobProcessor {
  readonly queue = QueueName.Publish;

  constructor(
    private readonly publisher: PublisherService,
    private readonly config: AppConfig,
    protected readonly producer: JobProducer,
  ) {
    super();
  }

  readonly handlers: JobHandlers = {
    [JobName.PublishPublication]: async (ref, job) =>
      continueLater(job, await this.publisher.publish(ref)),
  };

  /** Many posts wait on the platforms at once; a crashed worker's jobs are picked up within the lock. */
  protected workerOptions() {
    const { lockDurationMs } = publishTimings(this.config.PLATFORM_TIMEOUT_MS);
    return {
      concurrency: this.config.WORKER_CONCURRENCY,
      lockDuration: lockDurationMs,
      stalledInterval: Math.min(30_000, lockDurationMs / 2),
      // A stalled publish cannot post twice (the claim in PostgreSQL), so let it come back.
      maxStalledCount: 10,
    };
  }
}
