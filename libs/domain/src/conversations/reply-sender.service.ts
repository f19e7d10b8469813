import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@rounds/config';
import { PlatformError, PublishedItem } from '@rounds/platforms';
import { AuditAction } from '../audit/audit-action';
import { NotFoundError } from '../common/domain-error';
import { ChannelEntity } from '../channels/channel.entity';
import { ChannelTokensService } from '../channels/channel-tokens.service';
import { PlatformClients } from '../channels/platform-clients';
import { UsageCounter } from '../metrics/platform-usage';
import { Lifecycle } from '../lifecycle/lifecycle.service';
import { InvalidTransitionError } from '../lifecycle/transition-error';
import { loadOrganization } from '../organizations/organization-store';
import { ConversationMessageEntity } from './conversation-message.entity';
import { ConversationReplyEntity } from './conversation-reply.entity';
import { ConversationRepository } from './conversation.repository';

/** `lookAgainAt`: the reply may be on the platform; the job comes back then to look for it. */
export type SendOutcome = 'sent' | 'paused' | 'nothing_to_do' | { lookAgainAt: Date };

/** A platform may show a reply a little before the time we sent it (clock skew). */
const LOOKBACK_MS = 60_000;

const isDuplicate = (error: unknown) =>
  error instanceof PlatformError && error.kind === 'duplicate';

/**
 * Sends an approved reply, at most once: it is claimed (approved -> sending) by a conditional
 * update before the platform call, so a second job or worker finds nothing to do. An answer that
 * proves nothing (a 5xx, a timeout, an unreadable answer), or a claim whose worker died, leaves it
 * `sending` and in doubt: the platform is searched (X: our replies to that tweet; YouTube: our
 * channel's replies in that thread) and it is sent again only once it is provably absent, a
 * create timeout after it was last in flight.
 */
@Injectable()
export class ReplySender {
  /** How long a create call we lost track of may still land: one create timeout. */
  private readonly inFlightMs: number;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tokens: ChannelTokensService,
    private readonly clients: PlatformClients,
    private readonly lifecycle: Lifecycle,
    private readonly conversations: ConversationRepository,
    private readonly usage: UsageCounter,
    config: AppConfig,
  ) {
    this.inFlightMs = config.PLATFORM_CREATE_TIMEOUT_MS;
  }

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
        await this.conversations.noteReplyInDoubt(
          organizationId,
          reply.id,
          `in doubt: ${error.message}`,
        );
        return this.verify(organizationId, replyId);
      }
      // X refuses a text the account already posted; our reply to this message is there when the
      // lookup (this message, this text) finds it, whatever send made it.
      const found = isDuplicate(error) && (await this.lookUp(reply, message, channel));
      if (found) {
        await this.markSent(reply, message, found);
        return 'sent';
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
    const reply = await this.conversations.reply(organizationId, replyId);
    if (reply?.status !== 'sending') return 'nothing_to_do';
    const { message, channel } = await this.target(reply);
    const found = await this.lookUp(reply, message, channel);
    if (found) {
      await this.markSent(reply, message, found);
      return 'sent';
    }
    const settledAt = new Date(reply.updatedAt.getTime() + this.inFlightMs);
    if (settledAt.getTime() > Date.now()) return { lookAgainAt: settledAt };
    const absent = `${reply.error ?? 'in doubt'}; not on the platform, sending again`;
    await this.lifecycle.move(this.dataSource.manager, {
      kind: 'reply',
      row: reply,
      to: 'approved',
      set: { error: absent },
      event: null,
    });
    throw new Error(absent);
  }

  /** Our reply with this text to this message on the platform, if it is there. */
  private lookUp(
    reply: ConversationReplyEntity,
    message: ConversationMessageEntity,
    channel: ChannelEntity,
  ): Promise<PublishedItem | null> {
    // No send of it can be older than its approval.
    const since = new Date((reply.approvedAt ?? reply.createdAt).getTime() - LOOKBACK_MS);
    return this.tokens.withChannel(channel, (token) =>
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
  }

  private async target(reply: ConversationReplyEntity) {
    const { organizationId } = reply;
    const message = await this.conversations.message(organizationId, reply.messageId);
    if (!message) throw new NotFoundError('conversation');
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
    await this.dataSource.transaction(async (tx) => {
      await this.lifecycle.move(tx, {
        kind: 'reply',
        row: reply,
        to: 'sent',
        set: { externalId: sent.externalId, url: sent.url, sentAt: new Date(), error: null },
        event: {
          actorId: null,
          action: AuditAction.ReplySent,
          data: { externalId: sent.externalId, url: sent.url },
        },
      });
      // A message closed or dismissed before its reply went out stays so.
      await this.conversations.setMessageStatus(reply.organizationId, message.id, 'replied', tx, [
        'new',
      ]);
    });
  }

  private async claim(
    organizationId: string,
    replyId: string,
  ): Promise<ConversationReplyEntity | null> {
    const row = { organizationId, id: replyId, status: 'approved' as const };
    try {
      await this.lifecycle.move(this.dataSource.manager, {
        kind: 'reply',
        row,
        to: 'sending',
        event: null,
      });
    } catch (error) {
      if (error instanceof InvalidTransitionError) return null;
      throw error;
    }
    return this.conversations.reply(organizationId, replyId);
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
    const final = error instanceof PlatformError && ['content', 'duplicate'].includes(error.kind);
    const reason = error instanceof Error ? error.message : String(error);
    await this.dataSource.transaction((tx) =>
      this.lifecycle.move(tx, {
        kind: 'reply',
        row: reply,
        to: final ? 'failed' : 'approved',
        set: { error: reason },
        event: final
          ? {
              actorId: null,
              action: AuditAction.ReplyFailed,
              data: { error: reason, kind: (error as PlatformError).kind },
            }
          : null,
      }),
    );
  }
}
