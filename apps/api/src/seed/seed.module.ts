import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { ConfigModule } from '@rounds/config';
import { DatabaseModule } from '@rounds/database';
import { AuditModule, IdentityModule } from '@rounds/domain';
import { DemoSeeder } from './demo.seeder';

@Module({
  imports: [
    ConfigModule,
    LoggerModule.forRoot({ pinoHttp: { level: 'warn' } }),
    DatabaseModule,
    AuditModule,
    IdentityModule,
  ],
  providers: [DemoSeeder],
})
export class SeedModule {}
