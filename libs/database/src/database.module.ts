import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { AppConfig } from '@rounds/config';
import { READ_REPLICA } from './read-replica';
import { dataSourceOptions } from './data-source-options';

const READ_DATA_SOURCE = getDataSourceToken(READ_REPLICA) as string;

/** The pool's options for a URL, with the timeouts of the configuration. */
function pooledOptions(config: AppConfig, url: string): DataSourceOptions {
  const options = dataSourceOptions(url);
  // node-postgres sends these as startup parameters: nothing waits on PostgreSQL forever. Through
  // PgBouncer (which drops them) the login's defaults set by migrate give the same values.
  const extra = {
    ...(options.extra as object),
    statement_timeout: config.DB_STATEMENT_TIMEOUT_MS,
    lock_timeout: config.DB_LOCK_TIMEOUT_MS,
    idle_in_transaction_session_timeout: config.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
    connectionTimeoutMillis: config.DB_CONNECT_TIMEOUT_MS,
  };
  return { ...options, extra };
}

/**
 * The primary data source (DATABASE_URL) and the read one (DATABASE_READ_URL, a replica; the
 * primary itself when unset).
 */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => pooledOptions(config, config.DATABASE_URL),
    }),
  ],
  providers: [
    {
      provide: READ_DATA_SOURCE,
      inject: [AppConfig, DataSource],
      useFactory: (config: AppConfig, primary: DataSource) =>
        config.DATABASE_READ_URL
          ? new DataSource(pooledOptions(config, config.DATABASE_READ_URL)).initialize()
          : primary,
    },
  ],
  exports: [READ_DATA_SOURCE],
})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(
    @Inject(READ_DATA_SOURCE) private readonly read: DataSource,
    private readonly primary: DataSource,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.read !== this.primary && this.read.isInitialized) await this.read.destroy();
  }
}
