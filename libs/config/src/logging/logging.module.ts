import { Global, Module } from '@nestjs/common';
import { AppConfig } from '../app-config';
import { AppLogger, createPino } from './app-logger';

export const PINO = Symbol('PINO');

/** One pino instance per process (api, worker, seed), and Nest's logger over it. */
@Global()
@Module({
  providers: [
    { provide: PINO, inject: [AppConfig], useFactory: (c: AppConfig) => createPino(c.LOG_LEVEL) },
    { provide: AppLogger, inject: [PINO], useFactory: (root) => new AppLogger(root) },
  ],
  exports: [PINO, AppLogger],
})
export class LoggingModule {}
