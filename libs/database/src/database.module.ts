import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@rounds/config';
import { dataSourceOptions } from './data-source-options';

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => {
        const options = dataSourceOptions(config.DATABASE_URL);
        // node-postgres sets these per connection: nothing waits on PostgreSQL forever.
        const extra = {
          ...(options.extra as object),
          statement_timeout: config.DB_STATEMENT_TIMEOUT_MS,
          lock_timeout: config.DB_LOCK_TIMEOUT_MS,
          idle_in_transaction_session_timeout: config.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
          connectionTimeoutMillis: config.DB_CONNECT_TIMEOUT_MS,
        };
        return { ...options, extra };
      },
    }),
  ],
})
export class DatabaseModule {}
