import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JobName, JobProducer } from '@rounds/queue';
import { toBatches } from './metrics-batches';
import { claimDue, dueAudiences, enrollPublished } from './metrics-sweep.store';

/** How long a batch job holds its publications before a sweep may claim them again. */
export const METRICS_LEASE_MS = 10 * 60_000;
const CLAIM_CHUNK = 20_000;

/** A batch job tries for hours before its lease lapses and a later sweep takes over. */
export const COLLECT_JOB_OPTIONS = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 30_000, jitter: 0.5 },
} as const;

export interface SweepResult {
  enrolled: number;
  claimed: number;
  batches: number;
  audiences: number;
}

/**
 * The metrics sweep (every minute): enrolls newly published publications, claims those due on
 * the decaying schedule and fans them out as batch jobs per channel, and asks for each
 * connected channel's follower count once a day.
 */
@Injectable()
export class MetricsSweep {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly producer: JobProducer,
  ) {}

  async sweep(now = new Date()): Promise<SweepResult> {
    const manager = this.dataSource.manager;
    const enrolled = await enrollPublished(manager, now);
    const leaseUntil = new Date(now.getTime() + METRICS_LEASE_MS);
    let claimed = 0;
    let batches = 0;
    for (;;) {
      const rows = await claimDue(manager, now, leaseUntil, CLAIM_CHUNK);
      claimed += rows.length;
      // Claim time and position: a repeated add of the same batch is a no-op in BullMQ.
      const jobs = toBatches(rows).map((data) => ({
        data,
        opts: {
          ...COLLECT_JOB_OPTIONS,
          jobId: `metrics-${data.channelId}-${now.getTime()}-${batches++}`,
        },
      }));
      await this.producer.enqueueBulk(JobName.CollectMetrics, jobs);
      if (rows.length < CLAIM_CHUNK) break;
    }
    const audiences = await dueAudiences(manager, now);
    await this.producer.enqueueBulk(
      JobName.CollectAudience,
      audiences.map((data) => ({
        data,
        opts: { ...COLLECT_JOB_OPTIONS, jobId: `audience-${data.channelId}-${data.day}` },
      })),
    );
    return { enrolled, claimed, batches, audiences: audiences.length };
  }
}
