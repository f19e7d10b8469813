import type { JsonObject } from '../common/json';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '@rounds/config';
import { PlatformError, PublishedItem } from '@rounds/platforms';
import { AuditAction } from '../audit/audit-action';
import { AuditService } from '../audit/audit.service';
import { ChannelEntity } from '../channels/channel.entity';
import { ChannelTokensService } from '../channels/channel-tokens.service';
import { PlatformClients } from '../channels/platform-clients';
import { UsageCounter } from '../metrics/platform-usage';
import { loadOrganization } from '../organizations/organization-store';
import { ConversationMessageEntity } from './conversation-message.entity';
import { ConversationReplyEntity, ReplyStatus } from './conversation-reply.entity';

/** `lookAgainAt`: the reply may be on the platform; the job comes back then to look for it. */
export type SendOutcome = 'sent' | 'paused' | 'nothing_to_do' | { lookAgainAt: Date };

/** A platform may show a reply a little before the time we sent it (clock skew). */
const LOOKBACK_MS = 60_000;

/**
 * Sends an approved reply, at most once: it is claimed (approved -> sending) by a conditional
 * update before the platform call, so a second job or worker finds nothing to do. An answer that
 * proves nothing (a 5xx, a timeout, an unreadable answer), or a claim whose worker died, leaves it
 * `sending` and in doubt: the platform is searched (X: our replies to that tweet; YouTube: our
 * channel's replies in that thread) and it is sent again only once it is provably absent, a
 * platform timeout after it was last in flight.
 */
@Injectable()
export class ReplySender {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tokens: ChannelTokensService,
    private readonly clients: PlatformClients,
    private readonly audit: AuditService,
    private readonly usage: UsageCounter,
    config: AppConfig,
  ) {
    this.platformTimeoutMs = config.PLATFORM_TIMEOUT_MS;
  }

  private readonly platformTimeoutMs: number;

  async send(organizationId: string, replyId: string): Promise<SendOutcome> {
    const organization = await loadOrganization(this.dataSource.manager, organizationId);
    if (organization.pausedAt) return 'paused';
    const reply = await this.claim(organizationId, replyId);
    if (!reply) return this.verify(organizationId, replyId);
    const { message, channel } = await this.target(reply);
    let sent: PublishedItem;
    try {
      sent = await this.post(channel, message, reply);
    } catch (error) {
      if (error instanceof PlatformError && error.kind === 'unknown_outcome') {
        await this.setStatus(this.dataSource.manager, reply, 'sending', {
          error: `in doubt: ${error.message}`,
        });
        return this.verify(organizationId, replyId);
      }
      await this.failed(reply, error);
      throw error;
    }
    await this.markSent(reply, message, sent);
    return 'sent';
  }

  /**
   * A reply left `sending` (an answer that proved nothing, or a worker that died mid-send): found
   * on the platform, it is sent; absent a platform timeout after it was last in flight, it goes
   * back to `approved` and the job's next attempt sends it again.
   */
  private async verify(organizationId: string, replyId: string): Promise<SendOutcome> {
    const reply = await this.dataSource
      .getRepository(ConversationReplyEntity)
      .findOneBy({ organizationId, id: replyId, status: 'sending' });
    if (!reply) return 'nothing_to_do';
    const { message, channel } = await this.target(reply);
    const since = new Date(reply.updatedAt.getTime() - this.platformTimeoutMs - LOOKBACK_MS);
    const found = await this.tokens.withAccessToken(organizationId, channel.id, (token) =>
      channel.platform === 'youtube'
        ? this.clients.youtube.findReply(token, {
            parentId: message.externalId,
            channelId: channel.externalAccountId,
            text: reply.text,
          })
        : this.clients.x.findRecentTweet(
            token,
            channel.externalAccountId,
            reply.text,
            since,
            message.externalId,
          ),
    );
    if (found) {
      await this.markSent(reply, message, found);
      return 'sent';
    }
    const settledAt = new Date(reply.updatedAt.getTime() + this.platformTimeoutMs);
    if (settledAt.getTime() > Date.now()) return { lookAgainAt: settledAt };
    const absent = `${reply.error ?? 'in doubt'}; not on the platform, sending again`;
    await this.setStatus(this.dataSource.manager, reply, 'approved', { error: absent });
    throw new Error(absent);
  }

  private async target(reply: ConversationReplyEntity) {
    const { organizationId } = reply;
    const message = await this.dataSource
      .getRepository(ConversationMessageEntity)
      .findOneByOrFail({ organizationId, id: reply.messageId });
    const channel = await this.dataSource
      .getRepository(ChannelEntity)
      .findOneByOrFail({ organizationId, id: reply.channelId });
    return { message, channel };
  }

  private async markSent(
    reply: ConversationReplyEntity,
    message: ConversationMessageEntity,
    sent: PublishedItem,
  ): Promise<void> {
    const { organizationId } = reply;
    await this.dataSource.transaction(async (tx) => {
      await this.setStatus(tx, reply, 'sent', {
        externalId: sent.externalId,
        url: sent.url,
        sentAt: new Date(),
        error: null,
      });
      await tx.update(
        ConversationMessageEntity,
        { id: message.id, organizationId },
        { status: 'replied' },
      );
      await this.record(tx, reply, AuditAction.ReplySent, {
        externalId: sent.externalId,
        url: sent.url,
      });
    });
  }

  private async claim(
    organizationId: string,
    replyId: string,
  ): Promise<ConversationReplyEntity | null> {
    const result = await this.dataSource
      .getRepository(ConversationReplyEntity)
      .update({ organizationId, id: replyId, status: 'approved' }, { status: 'sending' });
    if (result.affected !== 1) return null;
    return this.dataSource.getRepository(ConversationReplyEntity).findOneByOrFail({ id: replyId });
  }

  private async post(
    channel: ChannelEntity,
    message: ConversationMessageEntity,
    reply: ConversationReplyEntity,
  ): Promise<PublishedItem> {
    const youtube = channel.platform === 'youtube';
    try {
      return await this.tokens.withAccessToken(channel.organizationId, channel.id, (token) =>
        youtube
          ? this.clients.youtube.reply(token, message.externalId, reply.text)
          : this.clients.x.postTweet(token, {
              text: reply.text,
              inReplyTo: message.externalId,
              handle: channel.handle,
            }),
      );
    } finally {
      const call = youtube
        ? {
            platform: 'youtube' as const,
            operation: 'comments.insert',
            requests: 1,
            units: this.clients.youtube.quotaCost('comments.insert'),
          }
        : { platform: 'x' as const, operation: 'tweets.create', requests: 1, units: 1 };
      await this.usage.count(call);
    }
  }

  /**
   * A refusal ends it as failed; anything else that proves nothing was created (a 429, a
   * connection refused) puts it back to approved for the job's next attempt.
   */
  private async failed(reply: ConversationReplyEntity, error: unknown): Promise<void> {
    const final = error instanceof PlatformError && error.kind === 'content';
    const reason = error instanceof Error ? error.message : String(error);
    await this.dataSource.transaction(async (tx) => {
      await this.setStatus(tx, reply, final ? 'failed' : 'approved', { error: reason });
      if (final)
        await this.record(tx, reply, AuditAction.ReplyFailed, {
          error: reason,
          kind: (error as PlatformError).kind,
        });
    });
  }

  private async setStatus(
    tx: EntityManager,
    reply: ConversationReplyEntity,
    status: ReplyStatus,
    set: Partial<ConversationReplyEntity>,
  ): Promise<void> {
    await tx.update(
      ConversationReplyEntity,
      { id: reply.id, organizationId: reply.organizationId, status: 'sending' },
      { status, ...set },
    );
  }

  private record(
    tx: EntityManager,
    reply: ConversationReplyEntity,
    action: AuditAction,
    data: JsonObject,
  ) {
    return this.audit.record(tx, {
      organizationId: reply.organizationId,
      actorId: null,
      action,
      subjectType: 'conversation_reply',
      subjectId: reply.id,
      data,
    });
  }
}
