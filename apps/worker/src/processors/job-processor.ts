import { WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { JobData, JobName, QueueName } from '@rounds/queue';

export type JobHandlers = {
  [T in JobName]?: (data: JobData<T>, job: Job<JobData<T>>) => Promise<unknown>;
};

/** A queue's processor: a table of one thin handler per job name (checked at boot). */
export abstract class JobProcessor extends WorkerHost {
  abstract readonly queue: QueueName;
  abstract readonly handlers: JobHandlers;

  process(job: Job): Promise<unknown> {
    const handler = this.handlers[job.name as JobName] as
      ((data: unknown, job: Job) => Promise<unknown>) | undefined;
    if (!handler) throw new Error(`${this.queue} has no handler for job ${job.name}`);
    return handler(job.data, job);
  }
}
