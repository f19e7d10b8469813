import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { ChannelEntity, ChannelPlatform } from '../channels/channel.entity';
import { ChannelTokensService } from '../channels/channel-tokens.service';
import { PlatformClients } from '../channels/platform-clients';
import { ChannelAudienceEntity } from './channel-audience.entity';
import { MetricsPlatform, metricsPlatforms } from './metrics-platforms';
import { DuePublication, RecordedBatch, recordReadings } from './metrics-recorder';
import { PlatformCall, UsageCounter } from './platform-usage';
import { PublicationMetricsEntity } from './publication-metrics.entity';
import { idsToRead, ReadTarget, readingsOf } from './thread-readings';

export interface MetricsBatch {
  organizationId: string;
  channelId: string;
  publicationIds: string[];
}

export interface AudienceRequest {
  organizationId: string;
  channelId: string;
  /** The organization's day the count is for (YYYY-MM-DD). */
  day: string;
}

/** Reads counters from the platforms and records them; the worker's metrics jobs call it. */
@Injectable()
export class MetricsCollector {
  private readonly platforms: ReturnType<typeof metricsPlatforms>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tokens: ChannelTokensService,
    clients: PlatformClients,
    private readonly usage: UsageCounter,
  ) {
    this.platforms = metricsPlatforms(clients);
  }

  /** One batch of one channel, one platform request; nothing to do when no longer due. */
  async collect(batch: MetricsBatch): Promise<RecordedBatch> {
    const due: (DuePublication & ReadTarget & { platform: ChannelPlatform })[] =
      await this.dataSource.query(
        `SELECT publication_id AS "publicationId", external_id AS "externalId",
                thread_tweet_ids AS "threadTweetIds", published_at AS "publishedAt", platform
         FROM publication_metrics
         WHERE organization_id = $1 AND channel_id = $2 AND publication_id = ANY($3::uuid[])
           AND next_metrics_at <= $4`,
        // The application's clock, as recordReadings compares with it too.
        [batch.organizationId, batch.channelId, batch.publicationIds, new Date()],
      );
    if (due.length === 0) return { collected: 0, gone: 0 };
    const platform = this.platforms[due[0].platform];
    const ids = idsToRead(due);
    const read = await this.call(batch, platform.readCost(ids.length), (token) =>
      platform.read(token, ids),
    );
    return recordReadings(this.dataSource.manager, {
      organizationId: batch.organizationId,
      due,
      readings: readingsOf(due, read),
      collectedAt: new Date(),
    });
  }

  /** Keeps the batch's publications from the sweep until `until`, while its job waits to retry. */
  async postpone(batch: MetricsBatch, until: Date): Promise<void> {
    await this.dataSource
      .getRepository(PublicationMetricsEntity)
      .update(
        { organizationId: batch.organizationId, publicationId: In(batch.publicationIds) },
        { leaseUntil: until },
      );
  }

  /** The channel's follower or subscriber count for the day, read once. */
  async collectAudience(request: AudienceRequest): Promise<number | null> {
    const key = { channelId: request.channelId, day: request.day };
    const audiences = this.dataSource.getRepository(ChannelAudienceEntity);
    if (await audiences.existsBy(key)) return null;
    const platform = await this.platformOf(request);
    const followers = await this.call(request, platform.followersCost, (token) =>
      platform.followers(token),
    );
    await audiences
      .createQueryBuilder()
      .insert()
      .values({
        ...key,
        organizationId: request.organizationId,
        followers,
        collectedAt: new Date(),
      })
      .orIgnore()
      .execute();
    return followers;
  }

  private async platformOf(request: AudienceRequest): Promise<MetricsPlatform> {
    const channel = await this.dataSource.getRepository(ChannelEntity).findOneByOrFail({
      organizationId: request.organizationId,
      id: request.channelId,
    });
    return this.platforms[channel.platform];
  }

  /** One platform call with the channel's token; counted whether or not it succeeds. */
  private async call<T>(
    target: { organizationId: string; channelId: string },
    cost: PlatformCall,
    request: (accessToken: string) => Promise<T>,
  ): Promise<T> {
    try {
      return await this.tokens.withAccessToken(target.organizationId, target.channelId, request);
    } finally {
      await this.usage.count(cost);
    }
  }
}
