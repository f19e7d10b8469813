import { Module } from '@nestjs/common';
import { ConfigModule, LoggingModule } from '@rounds/config';
import { DatabaseModule } from '@rounds/database';
import {
  AuditModule,
  ChannelConnectService,
  CryptoModule,
  IdentityModule,
  PlatformClients,
} from '@rounds/domain';
import { DemoChannelsSeeder } from './demo-channels.seeder';
import { DemoSsoSeeder } from './demo-sso.seeder';
import { DemoSeeder } from './demo.seeder';

@Module({
  imports: [ConfigModule, LoggingModule, DatabaseModule, AuditModule, IdentityModule, CryptoModule],
  providers: [
    DemoSeeder,
    DemoChannelsSeeder,
    DemoSsoSeeder,
    ChannelConnectService,
    PlatformClients,
  ],
})
export class SeedModule {}
