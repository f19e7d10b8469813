import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { AppConfig } from '@rounds/config';
import { JobProducer } from './job.producer';
import { QueueName } from './queue-names';
import { redisOptions } from './redis-connection';
import { RedisModule } from './redis.module';

const queues = Object.values(QueueName).map((name) => ({ name }));

/** The queues (producers only). Processors are provided by apps/worker alone. */
@Global()
@Module({
  imports: [
    RedisModule,
    BullModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        connection: redisOptions(config.REDIS_URL),
        // A hash tag keeps every key of a queue in one Redis Cluster slot.
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
