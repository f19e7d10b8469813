import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@rounds/config';
import { PULL_INTERVAL_MS } from '@rounds/domain';
import { JOB_QUEUE, JobName, JobProducer } from '@rounds/queue';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 86_400_000;

/**
 * Repeating jobs; upserted at every worker boot (idempotent across replicas), and again when a
 * Redis that was emptied lost them: the reconciler must come back on its own to rebuild the rest.
 */
@Injectable()
export class Schedules implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(Schedules.name);
  private keeper?: NodeJS.Timeout;

  constructor(
    private readonly producer: JobProducer,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.upsertAll();
    this.keeper = setInterval(() => {
      this.restoreIfLost().catch((err: unknown) =>
        this.logger.warn({ err }, 'could not check the job schedulers'),
      );
    }, this.config.RECONCILE_INTERVAL_MS);
  }

  onApplicationShutdown(): void {
    clearInterval(this.keeper);
  }

  private async upsertAll(): Promise<void> {
    await this.producer.schedule(JobName.VerifyAuditChains, {}, DAY);
    // Heads are signed every AUDIT_CHECKPOINT_EVERY_EVENTS events or _MINUTES: looked at each minute.
    await this.producer.schedule(JobName.CheckpointAuditChains, {}, MINUTE);
    await this.producer.schedule(JobName.ApplyRetention, {}, DAY);
    // Due metrics are claimed every minute; the 15-minute steps of the schedule fall between.
    await this.producer.schedule(JobName.MetricsSweep, {}, MINUTE);
    await this.producer.schedule(JobName.ConversationsSweep, {}, PULL_INTERVAL_MS);
    await this.producer.schedule(JobName.DigestSweep, {}, HOUR);
    await this.producer.schedule(
      JobName.ReconcilePublications,
      {},
      this.config.RECONCILE_INTERVAL_MS,
    );
  }

  /** The reconciler's scheduler stands for all of them: it is gone only if Redis was emptied. */
  private async restoreIfLost(): Promise<void> {
    const name = JobName.ReconcilePublications;
    if (await this.producer.queue(JOB_QUEUE[name]).getJobScheduler(name)) return;
    this.logger.warn('the job schedulers are gone from Redis; restoring them');
    await this.upsertAll();
  }
}
