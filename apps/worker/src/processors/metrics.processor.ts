import { Injectable } from '@nestjs/common';
import { DelayedError, Job, UnrecoverableError } from 'bullmq';
import { AppConfig } from '@rounds/config';
import {
  ChannelUnavailableError,
  LinkClicksFlush,
  METRICS_LEASE_MS,
  MetricsCollector,
  MetricsSweep,
} from '@rounds/domain';
import { PlatformError } from '@rounds/platforms';
import { JobName, QueueName } from '@rounds/queue';
import { JobHandlers, JobProcessor } from './job-processor';

/**
 * Runs a job's platform work. A rate limit or a spent quota moves the job to the platform's retry
 * time without using an attempt; a disconnected channel or a refused request ends the job (the
 * sweeps pick the work up again once it can succeed); anything else is retried with backoff.
 * `hold` keeps the job's rows from the sweeps until the retry.
 */
export async function whenPlatformAllows<T>(
  job: Job,
  work: () => Promise<T>,
  hold: (until: Date) => Promise<void> = () => Promise.resolve(),
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const waiting =
      error instanceof PlatformError && (error.kind === 'rate_limited' || error.kind === 'quota');
    if (waiting && error.retryAt) {
      await hold(new Date(error.retryAt.getTime() + METRICS_LEASE_MS));
      await job.moveToDelayed(error.retryAt.getTime(), job.token);
      throw new DelayedError();
    }
    if (
      error instanceof ChannelUnavailableError ||
      (error instanceof PlatformError && error.kind === 'content')
    ) {
      throw new UnrecoverableError(error.message);
    }
    await hold(new Date(Date.now() + nextBackoffMs(job) + METRICS_LEASE_MS));
    throw error;
  }
}

/** The longest BullMQ may wait before the job's next attempt (exponential backoff, full jitter). */
function nextBackoffMs(job: Job): number {
  const backoff = job.opts.backoff;
  if (typeof backoff !== 'object' || backoff.type !== 'exponential') return 0;
  return (backoff.delay ?? 0) * 2 ** job.attemptsMade * (1 + (backoff.jitter ?? 0));
}

@Injectable()
export class MetricsProcessor extends JobProcessor {
  readonly queue = QueueName.Metrics;

  constructor(
    private readonly sweep: MetricsSweep,
    private readonly collector: MetricsCollector,
    private readonly linkClicks: LinkClicksFlush,
    private readonly config: AppConfig,
  ) {
    super();
  }

  readonly handlers: JobHandlers = {
    [JobName.MetricsSweep]: () => this.sweep.sweep(),
    [JobName.CollectMetrics]: (batch, job) =>
      whenPlatformAllows(
        job,
        () => this.collector.collect(batch),
        (until) => this.collector.postpone(batch, until),
      ),
    [JobName.CollectAudience]: (request, job) =>
      whenPlatformAllows(job, () => this.collector.collectAudience(request)),
    [JobName.FlushLinkClicks]: () => this.linkClicks.flush(),
  };

  /** Batch jobs wait on the platforms, not the CPU: many run at once. */
  protected override workerOptions() {
    return { concurrency: this.config.WORKER_CONCURRENCY };
  }
}
