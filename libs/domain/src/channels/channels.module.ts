import { UsageCounter } from '../metrics/platform-usage';
import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { PostsModule } from '../posts/posts.module';
import { ChannelConnectService } from './channel-connect.service';
import { ChannelTokensService } from './channel-tokens.service';
import { ChannelsService } from './channels.service';
import { PlatformClients } from './platform-clients';

const services = [
  ChannelsService,
  ChannelConnectService,
  ChannelTokensService,
  PlatformClients,
  UsageCounter,
];

/** Channels, their OAuth connection and tokens; needs CryptoModule (global) for the cipher. */
@Module({
  imports: [NotificationsModule, PostsModule],
  providers: services,
  exports: services,
})
export class ChannelsModule {}
