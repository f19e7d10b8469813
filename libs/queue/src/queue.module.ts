import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { AppConfig } from '@rounds/config';
import { JobProducer } from './job.producer';
import { QueueName } from './queue-names';
import { bullConnection, redisTarget, type RedisClient } from './redis-connection';
import { REDIS, RedisModule } from './redis.module';

const queues = Object.values(QueueName).map((name) => ({ name }));

/** The queues (producers only). Processors are provided by apps/worker alone. */
@Global()
@Module({
  imports: [
    RedisModule,
    BullModule.forRootAsync({
      imports: [RedisModule],
      inject: [AppConfig, REDIS],
      useFactory: (config: AppConfig, redis: RedisClient) => ({
        connection: bullConnection(redisTarget(config), redis),
        // A hash tag keeps every key of every queue in one Redis Cluster slot (BullMQ's scripts
        // touch several keys of a queue at once; the reconciler pipelines over them).
        prefix: `{${config.QUEUE_PREFIX}}`,
        defaultJobOptions: {
          removeOnComplete: { age: 86_400, count: 10_000 },
          removeOnFail: { age: 7 * 86_400 },
        },
      }),
    }),
    BullModule.registerQueue(...queues),
  ],
  providers: [JobProducer],
  exports: [JobProducer, BullModule, RedisModule],
})
export class QueueModule {}
