import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@rounds/config';
import { createRedis, redisTarget, type RedisClient } from './redis-connection';

export const REDIS = Symbol('REDIS');

/**
 * One shared client for health checks, throttling, the send budget and the sentinel key; on a
 * Redis Cluster BullMQ shares it too (see bullConnection).
 */
@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => createRedis(redisTarget(config)),
    },
  ],
  exports: [REDIS],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: RedisClient) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => undefined);
  }
}
