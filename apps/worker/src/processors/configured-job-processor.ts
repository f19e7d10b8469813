import { BeforeApplicationShutdown, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DelayedError, Job, Worker, WorkerOptions } from 'bullmq';
import type { PublishOutcome } from '@rounds/domain';
import { JobProducer } from '@rounds/queue';
import { JobProcessor } from './job-processor';

/**
 * A JobProcessor whose BullMQ Worker is built at boot from AppConfig (concurrency, lock duration),
 * which `@Processor` options cannot do. It closes before the database and Redis do, so running
 * jobs finish and record their outcome on SIGTERM.
 */
export abstract class ConfiguredJobProcessor
  extends JobProcessor
  implements OnApplicationBootstrap, BeforeApplicationShutdown
{
  private runner?: Worker;
  private readonly log = new Logger(this.constructor.name);

  protected abstract readonly producer: JobProducer;
  protected abstract workerOptions(): Partial<WorkerOptions>;

  onApplicationBootstrap(): void {
    const { connection, prefix } = this.producer.queue(this.queue).opts;
    this.runner = new Worker(this.queue, (job: Job) => this.process(job), {
      connection,
      prefix,
      ...this.workerOptions(),
    });
    this.runner.on('error', (err) => this.log.error({ err }, 'worker error'));
    this.runner.on('failed', (job, err) =>
      this.log.warn({ jobId: job?.id, err: err.message }, 'job failed'),
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.runner?.close();
  }
}

/** Finishes the job, or moves it back to delayed until the outcome's time (no attempt used). */
export async function continueLater(job: Job, outcome: PublishOutcome): Promise<string> {
  new Logger('PublishJob').debug({ jobId: job.id, ...outcome }, 'outcome');
  if ('done' in outcome) return outcome.done;
  await job.moveToDelayed(outcome.later.getTime(), job.token);
  throw new DelayedError(outcome.reason);
}
