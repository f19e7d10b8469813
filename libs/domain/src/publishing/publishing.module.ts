import { Module } from '@nestjs/common';
import { LifecycleModule } from '../lifecycle/lifecycle.module';
import { ChannelsModule } from '../channels/channels.module';
import { MediaModule } from '../media/media.module';
import { PostsModule } from '../posts/posts.module';
import { ChannelSendBudget } from './channel-send-budget';
import { PublicationQueueModule } from './publication-queue.module';
import { PublicationClaims } from './publication-claims';
import { PublicationResults } from './publication-results.service';
import { PublisherService } from './publisher.service';
import { PublishingReconciler } from './publishing-reconciler.service';
import { StaleClaimRecovery } from './stale-claim-recovery.service';
import { XPublisher } from './x-publisher';
import { YoutubePublisher } from './youtube-publisher';
import { YoutubeQuotaService } from './youtube-quota.service';
import { YoutubeVideos } from './youtube-videos.service';

/** The worker side of publishing: the publish job, YouTube videos and the reconciler. */
@Module({
  imports: [ChannelsModule, LifecycleModule, MediaModule, PostsModule, PublicationQueueModule],
  providers: [
    PublisherService,
    PublicationResults,
    PublishingReconciler,
    XPublisher,
    YoutubePublisher,
    YoutubeVideos,
    YoutubeQuotaService,
    ChannelSendBudget,
    PublicationClaims,
    StaleClaimRecovery,
  ],
  exports: [
    PublisherService,
    PublishingReconciler,
    YoutubeVideos,
    YoutubeQuotaService,
    PublicationClaims,
    StaleClaimRecovery,
    PublicationQueueModule,
  ],
})
export class PublishingModule {}
