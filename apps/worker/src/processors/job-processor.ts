import { BeforeApplicationShutdown, Inject, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Job, Worker, WorkerOptions } from 'bullmq';
import { JobData, JobName, JobProducer, QueueName } from '@rounds/queue';

export type JobHandlers = {
  [T in JobName]?: (data: JobData<T>, job: Job<JobData<T>>) => Promise<unknown>;
};

/**
 * A queue's processor, the one way a queue's jobs run: a table of one thin handler per job name
 * (checked at boot by JobRegistryCheck) and the BullMQ Worker that runs them, built at boot on
 * the queue's own connection and prefix with the options the queue needs (from AppConfig, which
 * `@Processor` options cannot read). The Worker closes before the database and Redis do, so
 * running jobs finish and record their outcome on SIGTERM.
 */
export abstract class JobProcessor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  abstract readonly queue: QueueName;
  abstract readonly handlers: JobHandlers;

  @Inject(JobProducer) private readonly producer: JobProducer;
  private runner?: Worker;
  private readonly log = new Logger(this.constructor.name);

  /** Concurrency, locks, stalled-job handling; by default one job at a time. */
  protected workerOptions(): Partial<WorkerOptions> {
    return {};
  }

  process(job: Job): Promise<unknown> {
    const handler = this.handlers[job.name as JobName] as
      ((data: unknown, job: Job) => Promise<unknown>) | undefined;
    if (!handler) throw new Error(`${this.queue} has no handler for job ${job.name}`);
    return handler(job.data, job);
  }

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
