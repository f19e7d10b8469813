export * from './job.producer';
export * from './queue-names';
export * from './queue.module';
export * from './redis-connection';
export * from './redis.module';
