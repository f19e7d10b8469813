import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { AppConfig } from '@rounds/config';
import { PublishingReconciler } from '@rounds/domain';
import { REDIS, type RedisClient } from '@rounds/queue';
import { repeat } from './claim-heartbeat';
import { Schedules } from './schedules';

const CHECK_EVERY_MS = 1_000;

/**
 * Notices a Redis that lost its data (a restart without persistence, a FLUSHALL, a failover to an
 * empty replica) within a second: a sentinel key is set if absent, and finding it absent means the
 * jobs went with it. The worker that sets it again restores the job schedulers and runs the
 * reconciler at once, which rebuilds the jobs of due and in-doubt publications from PostgreSQL.
 * At boot the sentinel may be new too: one extra reconcile, harmless.
 */
@Injectable()
export class RedisLossWatch implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RedisLossWatch.name);
  private readonly key: string;
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(REDIS) private readonly redis: RedisClient,
    config: AppConfig,
    private readonly schedules: Schedules,
    private readonly reconciler: PublishingReconciler,
  ) {
    this.key = `{${config.QUEUE_PREFIX}}:sentinel`;
  }

  onApplicationBootstrap(): void {
    this.timer = repeat(
      CHECK_EVERY_MS,
      () => this.check(),
      (err) => this.logger.warn({ err }, 'could not check the Redis sentinel'),
    );
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async check(): Promise<void> {
    const created = await this.redis.set(this.key, new Date().toISOString(), 'NX');
    if (created !== 'OK') return;
    this.logger.warn('Redis has no sentinel (emptied, or first start): rebuilding jobs now');
    await this.schedules.upsertAll();
    await this.reconciler.run();
  }
}
