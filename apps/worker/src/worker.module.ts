import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig, ConfigModule } from '@rounds/config';
import { DatabaseModule } from '@rounds/database';
import { AuditModule } from '@rounds/domain';
import { QueueModule } from '@rounds/queue';
import { JobRegistryCheck } from './job-registry.check';
import { MaintenanceProcessor } from './processors/maintenance.processor';
import { Schedules } from './schedules';

@Module({
  imports: [
    ConfigModule,
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({ pinoHttp: { level: config.LOG_LEVEL } }),
    }),
    DatabaseModule,
    QueueModule,
    DiscoveryModule,
    AuditModule,
  ],
  providers: [MaintenanceProcessor, JobRegistryCheck, Schedules],
})
export class WorkerModule {}
