import { Injectable, OnModuleInit } from '@nestjs/common';
import { JobProducer, QueueName } from '@rounds/queue';
import { Gauge, register } from 'prom-client';

const STATES = ['waiting', 'prioritized', 'delayed', 'active', 'completed', 'failed'] as const;

/**
 * Queue depth, the age of the oldest waiting job and failures, read from Redis at each scrape of
 * /metrics (so every API replica reports the same figures; Prometheus keeps one series per pod).
 */
@Injectable()
export class QueueMetrics implements OnModuleInit {
  constructor(private readonly jobs: JobProducer) {}

  onModuleInit(): void {
    const queues = Object.values(QueueName).map((name) => this.jobs.queue(name));
    this.gauge('rounds_queue_jobs', 'Jobs per queue and state', ['queue', 'state'], async (g) => {
      for (const queue of queues) {
        const counts = await queue.getJobCounts(...STATES);
        for (const state of STATES) g.set({ queue: queue.name, state }, counts[state] ?? 0);
      }
    });
    this.gauge(
      'rounds_queue_oldest_waiting_seconds',
      'How long the oldest job ready to run has waited for a worker',
      ['queue'],
      async (g) => {
        const now = Date.now();
        for (const queue of queues) {
          const [oldest] = await queue.getJobs(['waiting', 'prioritized'], 0, 0, true);
          const readySince = oldest ? oldest.timestamp + (oldest.delay ?? 0) : now;
          g.set({ queue: queue.name }, Math.max(0, now - readySince) / 1000);
        }
      },
    );
  }

  private gauge(
    name: string,
    help: string,
    labelNames: string[],
    collect: (gauge: Gauge) => Promise<void>,
  ): void {
    register.removeSingleMetric(name);
    new Gauge({
      name,
      help,
      labelNames,
      async collect() {
        await collect(this);
      },
    });
  }
}
