import type { JsonObject } from '../common/json';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@rounds/config';
import { PublicationJobData } from '@rounds/queue';
import { ChannelTokensService } from '../channels/channel-tokens.service';
import { ChannelEntity } from '../channels/channel.entity';
import { DomainError } from '../common/domain-error';
import { ConsentService } from '../media/consent.service';
import { InvalidTransitionError } from '../lifecycle/transition-error';
import { PostStatus, PublicationStatus } from '../lifecycle/statuses';
import { ChannelSendBudget } from './channel-send-budget';
import { PlatformPublisher } from './platform-publisher';
import { PublicationClaims } from './publication-claims';
import { approvalStands, PublishContext } from './publish-context';
import { backoffMs, Decision, decide, jitterMs, RetryPolicy } from './publish-policy';
import { PublicationResults } from './publication-results.service';
import { XPublisher } from './x-publisher';
import { YoutubePublisher } from './youtube-publisher';
import { YoutubeQuotaService } from './youtube-quota.service';

/** What the job does next: it is finished, or it comes back at `at`. */
export type PublishOutcome = { done: string } | { later: Date; reason: string };

/** A job may start this much before the post's time (timer granularity), never more. */
const EARLY_MS = 500;
/**
 * Posts waiting on a channel's reset wake within this of it, not all in one tick. X's reset header
 * is in whole seconds, rounded up, so none wakes before the reset.
 */
const SPREAD_MS = 250;
const InDoubt: PublicationStatus = PostStatus.InDoubt;

/** The claim was taken over while this worker prepared the send: nothing was sent under it. */
class ClaimTakenOver extends Error {}

/**
 * After a lost answer, the platform is asked this much later whether the post arrived (a timeline
 * may lag its create call by a moment); finding nothing, it is asked again once out of flight.
 */
const VERIFY_DELAY_MS = 1_000;

/**
 * The publish job: claim (`scheduled -> publishing`, one winner, renewed by the worker's
 * heartbeat), re-check pause, approval hash, consent and channel, call the platform, and store the
 * result before the job is acknowledged. An `in_doubt` publication (an answer that proves nothing,
 * or a claim whose worker died) is first looked for on the platform; it is sent again only if absent.
 */
@Injectable()
export class PublisherService {
  private readonly logger = new Logger(PublisherService.name);
  private readonly retry: RetryPolicy;
  /** How long a create call we lost track of may still land: one create timeout. */
  private readonly inFlightMs: number;
  private readonly platforms: Record<ChannelEntity['platform'], PlatformPublisher<unknown>>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    config: AppConfig,
    private readonly results: PublicationResults,
    private readonly tokens: ChannelTokensService,
    private readonly consent: ConsentService,
    private readonly quota: YoutubeQuotaService,
    private readonly sendBudget: ChannelSendBudget,
    private readonly claims: PublicationClaims,
    x: XPublisher,
    youtube: YoutubePublisher,
  ) {
    this.retry = {
      maxAttempts: config.PUBLISH_MAX_ATTEMPTS,
      baseDelayMs: config.PUBLISH_RETRY_BASE_MS,
      maxDelayMs: 30 * config.PUBLISH_RETRY_BASE_MS,
    };
    this.inFlightMs = config.PLATFORM_CREATE_TIMEOUT_MS;
    this.platforms = { x, youtube };
  }

  /** The publish job: a scheduled publication is claimed and sent, an in-doubt one looked up. */
  async publish(ref: PublicationJobData): Promise<PublishOutcome> {
    const { claimed, context } = await this.results.claim(ref, PostStatus.Scheduled);
    if (claimed && context) return this.run(context, false);
    if (context?.publication.status === InDoubt) return this.verify(context);
    return { done: `nothing to do: the publication is ${context?.publication.status ?? 'gone'}` };
  }

  /**
   * Claimed: check everything again, then send, the claim kept alive by the heartbeat. `resend`:
   * an earlier send may have reached the platform (an in-doubt lookup found nothing since).
   */
  private run(ctx: PublishContext, resend: boolean): Promise<PublishOutcome> {
    const claimedAt = Date.now();
    return this.claims.holding(
      ctx.publication.id,
      async () => (await this.refuse(ctx)) ?? this.send(ctx, claimedAt, resend),
    );
  }

  /** Why this claimed publication must not go out now, acted upon; undefined when it may. */
  private async refuse(ctx: PublishContext): Promise<PublishOutcome | undefined> {
    const { publication, post, revision, channel, organization } = ctx;
    const now = new Date();
    if (post.scheduledAt.getTime() > now.getTime() + EARLY_MS) {
      await this.results.release(publication, {});
      return { later: post.scheduledAt, reason: 'not due yet' };
    }
    if (organization.pausedAt) {
      return this.act(ctx, {
        action: 'hold',
        reason: `publishing is paused: ${organization.pauseReason ?? 'no reason given'}`,
      });
    }
    if (!approvalStands(ctx)) {
      return this.act(ctx, {
        action: 'failed',
        error: 'the content changed after it was approved; nothing was sent',
      });
    }
    try {
      await this.consent.assertConsented(
        this.dataSource.manager,
        post.organizationId,
        revision.mediaIds,
        now,
      );
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return this.act(ctx, { action: 'hold', reason: `consent lapsed: ${error.message}` });
    }
    if (channel.status !== 'connected') {
      return this.act(ctx, {
        action: 'hold',
        reason: `channel ${channel.handle} is ${channel.status}`,
      });
    }
    if (channel.rateLimitedUntil && channel.rateLimitedUntil > now) {
      await this.results.release(publication, {});
      return {
        later: new Date(channel.rateLimitedUntil.getTime() + jitterMs(SPREAD_MS)),
        reason: 'the channel is rate limited',
      };
    }
    const slot = await this.sendBudget.take(channel, publication.id);
    if (!slot.granted) {
      await this.results.release(publication, {});
      return {
        later: new Date(slot.until.getTime() + jitterMs(SPREAD_MS)),
        reason: 'the channel has sent all the posts its platform allows in 15 minutes',
      };
    }
    return undefined;
  }

  private async send(
    ctx: PublishContext,
    claimedAt: number,
    resend: boolean,
  ): Promise<PublishOutcome> {
    const attempt = ctx.publication.attempts + 1;
    const platform = this.platforms[ctx.publication.platform];
    let sending = false;
    try {
      const item = await this.tokens.withChannel(ctx.channel, async (token) => {
        const prepared = await platform.prepare(ctx, token);
        return platform.create(ctx, token, prepared, async () => {
          if (!(await this.claims.announceSend(ctx.publication.id))) throw new ClaimTakenOver();
          // A claim the heartbeat could not renew may be taken over: never send under it.
          if (!this.claims.fresh(claimedAt))
            throw new Error('the claim grew too old to send under');
          sending = true;
        });
      });
      return this.act(ctx, { action: 'published', item }, { attempt });
    } catch (error) {
      if (error instanceof ClaimTakenOver) return { done: 'another worker took the claim over' };
      const decision = decide(error, attempt, this.retry, new Date(), sending, resend);
      return this.act(ctx, decision, { attempt });
    }
  }

  /** In doubt: look on the platform first; send again only if the post is provably not there. */
  private async verify(ctx: PublishContext): Promise<PublishOutcome> {
    const ref = {
      organizationId: ctx.publication.organizationId,
      publicationId: ctx.publication.id,
    };
    let found;
    try {
      found = await this.tokens.withChannel(ctx.channel, (token) =>
        this.platforms[ctx.publication.platform].find(ctx, token),
      );
    } catch (error) {
      const attempt = ctx.publication.attempts + 1;
      const wait = backoffMs(Math.min(attempt, this.retry.maxAttempts), this.retry);
      this.logger.warn(
        { publicationId: ctx.publication.id, err: error },
        'could not verify an in-doubt publication yet',
      );
      return { later: new Date(Date.now() + wait), reason: 'verification failed, trying again' };
    }
    if (found === 'resume') return this.resend(ref);
    if (found) {
      const data = this.auditData(ctx, { verified: true });
      if (!(await this.settled(this.results.published(ctx.publication, InDoubt, found, data))))
        return { done: 'another worker settled it' };
      return { done: 'found on the platform: published once' };
    }
    // A request the platform was still working on when we gave up may land after our timeout:
    // absence proves nothing until whatever was sent is out of flight (`heartbeat_at`, written
    // with the move to in_doubt).
    const outOfFlightAt = ctx.publication.heartbeatAt ?? ctx.publication.updatedAt;
    if (Date.now() < outOfFlightAt.getTime()) {
      return { later: outOfFlightAt, reason: 'not on the platform yet; looking again' };
    }
    if (ctx.publication.attempts >= this.retry.maxAttempts) {
      const last = ctx.publication.error ?? 'no answer';
      const error = `gave up after ${ctx.publication.attempts} tries: ${last}; no lookup found it on the platform`;
      await this.settled(
        this.results.failed(ctx.publication, InDoubt, error, this.auditData(ctx, {})),
      );
      return { done: `failed: ${error}` };
    }
    return this.resend(ref);
  }

  /** Claims the in-doubt publication again and sends what is provably not on the platform. */
  private async resend(ref: PublicationJobData): Promise<PublishOutcome> {
    const { claimed, context } = await this.results.claim(ref, InDoubt);
    return claimed && context ? this.run(context, true) : { done: 'another worker took it' };
  }

  /** Carries out a decision on a claimed (`publishing`) publication. */
  private async act(
    ctx: PublishContext,
    decision: Decision,
    extra: JsonObject = {},
  ): Promise<PublishOutcome> {
    const { publication } = ctx;
    const data = this.auditData(ctx, extra);
    const from: PublicationStatus = PostStatus.Publishing;
    switch (decision.action) {
      case 'published':
        await this.results.published(publication, from, decision.item, data);
        return { done: 'published' };
      case 'failed':
        await this.results.failed(publication, from, decision.error, data);
        return { done: `failed: ${decision.error}` };
      case 'hold':
        await this.results.hold(publication, from, decision.reason);
        return { done: `held: ${decision.reason}` };
      case 'in_doubt': {
        // Whatever the platform received may still land within one create timeout.
        const outOfFlightAt = new Date(Date.now() + this.inFlightMs);
        const attempts = publication.attempts + 1;
        await this.results.inDoubt(publication, decision.error, data, outOfFlightAt, attempts);
        return {
          later: new Date(Date.now() + VERIFY_DELAY_MS),
          reason: 'in doubt: verify on the platform',
        };
      }
      case 'exists':
        // X answered; nothing of this send is in flight, and the lookup runs at once.
        await this.results.inDoubt(
          publication,
          decision.error,
          data,
          new Date(),
          publication.attempts + 1,
        );
        return { later: new Date(), reason: 'the platform has it: looking up its id' };
      case 'retry':
        await this.results.release(publication, {
          error: decision.error,
          attempts: publication.attempts + 1,
        });
        return { later: decision.at, reason: `retrying after: ${decision.error}` };
      case 'wait_for_channel':
        await this.gateChannel(ctx.channel, decision.until);
        await this.results.release(publication, { error: decision.error });
        return {
          later: new Date(decision.until.getTime() + jitterMs(SPREAD_MS)),
          reason: 'rate limited',
        };
      case 'wait_for_quota':
        await this.quota.exhausted();
        await this.results.release(publication, { error: decision.error });
        return {
          later: new Date(decision.until.getTime() + jitterMs(60_000)),
          reason: 'YouTube quota spent',
        };
    }
  }

  /** False when another worker moved the publication first (it was settled there). */
  private async settled(write: Promise<void>): Promise<boolean> {
    try {
      await write;
      return true;
    } catch (error) {
      if (error instanceof InvalidTransitionError) return false;
      throw error;
    }
  }

  /** The channel's other posts wait for the same reset instead of each meeting the 429. */
  private async gateChannel(channel: ChannelEntity, until: Date): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .update(ChannelEntity)
      .set({ rateLimitedUntil: until })
      .where('id = :id AND organization_id = :organizationId', channel)
      .andWhere('(rate_limited_until IS NULL OR rate_limited_until < :until)', { until })
      .execute();
  }

  private auditData({ publication, channel, revision }: PublishContext, extra: JsonObject) {
    return {
      platform: publication.platform,
      channelId: channel.id,
      revisionId: revision.id,
      contentHash: publication.approvedContentHash,
      ...extra,
    };
  }
}
