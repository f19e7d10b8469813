import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { ConfigModule, LoggingModule } from '@rounds/config';
import { DatabaseModule } from '@rounds/database';
import { AuditModule, RetentionModule } from '@rounds/domain';
import { ComplianceModule, ConversationsModule, CryptoModule } from '@rounds/domain';
import { DigestModule, LinksModule, MediaModule, MetricsModule } from '@rounds/domain';
import { PublishingModule } from '@rounds/domain';
import { QueueModule } from '@rounds/queue';
import { ClaimHeartbeat } from './claim-heartbeat';
import { JobRegistryCheck } from './job-registry.check';
import { ConversationsProcessor } from './processors/conversations.processor';
import { DigestProcessor } from './processors/digest.processor';
import { MaintenanceProcessor } from './processors/maintenance.processor';
import { MediaProcessor } from './processors/media.processor';
import { MetricsProcessor } from './processors/metrics.processor';
import { PublishProcessor } from './processors/publish.processor';
import { ReconcileProcessor } from './processors/reconcile.processor';
import { YoutubeUploadsProcessor } from './processors/youtube-uploads.processor';
import { RedisLossWatch } from './redis-loss-watch';
import { Schedules } from './schedules';

@Module({
  imports: [
    ConfigModule,
    LoggingModule,
    DatabaseModule,
    QueueModule,
    DiscoveryModule,
    AuditModule,
    RetentionModule,
    CryptoModule,
    MetricsModule,
    LinksModule,
    ConversationsModule,
    DigestModule,
    PublishingModule,
    MediaModule,
    ComplianceModule,
  ],
  providers: [
    MaintenanceProcessor,
    MetricsProcessor,
    ConversationsProcessor,
    DigestProcessor,
    PublishProcessor,
    YoutubeUploadsProcessor,
    ReconcileProcessor,
    MediaProcessor,
    JobRegistryCheck,
    Schedules,
    ClaimHeartbeat,
    RedisLossWatch,
  ],
})
export class WorkerModule {}
