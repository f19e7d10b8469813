import { getQueueToken } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { JobsOptions, Queue } from 'bullmq';
import { JOB_QUEUE, JobData, JobName, QueueName } from './queue-names';

/** The one typed way to enqueue work. */
@Injectable()
export class JobProducer {
  constructor(private readonly moduleRef: ModuleRef) {}

  queue(name: QueueName): Queue {
    return this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
  }

  enqueue<T extends JobName>(name: T, data: JobData<T>, options?: JobsOptions) {
    return this.queue(JOB_QUEUE[name]).add(name, data, options);
  }

  /** Many jobs of one name in one round trip (a job id already present is a no-op). */
  enqueueBulk<T extends JobName>(name: T, jobs: { data: JobData<T>; opts?: JobsOptions }[]) {
    return this.queue(JOB_QUEUE[name]).addBulk(jobs.map((job) => ({ name, ...job })));
  }

  /** Creates or updates a repeatable job (BullMQ job scheduler) with a stable id. */
  repeat<T extends JobName>(name: T, data: JobData<T>, everyMs: number) {
    return this.queue(JOB_QUEUE[name]).upsertJobScheduler(name, { every: everyMs }, { name, data });
  }
}
