import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { ThrottlerModule } from '@nestjs/throttler';
import type { Redis } from 'ioredis';
import { PrometheusModule } from '@willsoto/nestjs-prometheus';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig, ConfigModule } from '@rounds/config';
import { DatabaseModule } from '@rounds/database';
import { AuditModule, IdentityModule } from '@rounds/domain';
import { QueueModule, REDIS } from '@rounds/queue';
import { AuditController } from './audit/audit.controller';
import { AuthGuard } from './common/auth.guard';
import { loggingOptions } from './common/logging';
import { MetricsController } from './common/metrics.controller';
import { RedisThrottlerStorage } from './common/redis-throttler.storage';
import { HealthController } from './health/health.controller';
import { AuthController } from './identity/auth.controller';
import { UsersController } from './identity/users.controller';
import { authThrottlers } from './identity/auth-throttlers';

@Module({
  imports: [
    ConfigModule,
    LoggerModule.forRootAsync({ inject: [AppConfig], useFactory: loggingOptions }),
    DatabaseModule,
    QueueModule,
    ThrottlerModule.forRootAsync({
      inject: [AppConfig, REDIS],
      useFactory: (config: AppConfig, redis: Redis) => ({
        throttlers: authThrottlers(config),
        storage: new RedisThrottlerStorage(redis),
      }),
    }),
    TerminusModule,
    PrometheusModule.register({ controller: MetricsController }),
    AuditModule,
    IdentityModule,
  ],
  controllers: [AuthController, UsersController, AuditController, HealthController],
  providers: [{ provide: APP_GUARD, useClass: AuthGuard }],
})
export class AppModule {}
