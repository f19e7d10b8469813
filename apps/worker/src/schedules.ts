import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { JobName, JobProducer } from '@rounds/queue';

const DAY = 86_400_000;

/** Repeating jobs; upserted at every worker boot (idempotent across replicas). */
@Injectable()
export class Schedules implements OnApplicationBootstrap {
  constructor(private readonly producer: JobProducer) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.producer.schedule(JobName.VerifyAuditChains, {}, DAY);
  }
}
