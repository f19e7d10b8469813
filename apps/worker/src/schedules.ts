import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '@rounds/config';
import { PULL_INTERVAL_MS } from '@rounds/domain';
import { JobName, JobProducer } from '@rounds/queue';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 86_400_000;

/**
 * Repeating jobs; upserted at every worker boot (idempotent across replicas), and again when a
 * Redis that was emptied lost them (RedisLossWatch).
 */
@Injectable()
export class Schedules implements OnApplicationBootstrap {
  constructor(
    private readonly producer: JobProducer,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.upsertAll();
  }

  async upsertAll(): Promise<void> {
    await this.producer.repeat(JobName.VerifyAuditChains, {}, DAY);
    // Heads are signed every AUDIT_CHECKPOINT_EVERY_EVENTS events or _MINUTES: looked at each minute.
    await this.producer.repeat(JobName.CheckpointAuditChains, {}, MINUTE);
    await this.producer.repeat(JobName.ApplyRetention, {}, DAY);
    // Response targets are whole hours: a minute late is the most an escalation waits.
    await this.producer.repeat(JobName.EscalateOverdueFeedback, {}, MINUTE);
    // Due metrics are claimed every minute; the 15-minute steps of the schedule fall between.
    await this.producer.repeat(JobName.MetricsSweep, {}, MINUTE);
    // Link visits wait in Redis at most a minute before they are in the reports.
    await this.producer.repeat(JobName.FlushLinkClicks, {}, MINUTE);
    await this.producer.repeat(JobName.ConversationsSweep, {}, PULL_INTERVAL_MS);
    await this.producer.repeat(JobName.DigestSweep, {}, HOUR);
    await this.producer.repeat(
      JobName.ReconcilePublications,
      {},
      this.config.RECONCILE_INTERVAL_MS,
    );
  }
}
