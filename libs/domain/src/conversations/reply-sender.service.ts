import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
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

export type SendOutcome = 'sent' | 'paused' | 'nothing_to_do';

/** Failures after which sending again could post twice, or would be refused the same way. */
const FINAL_FAILURES = new Set(['content', 'unknown_outcome']);

/**
 * Sends an approved reply, at most once: it is claimed (approved -> sending) by a conditional
 * update before the platform call, so a second job or worker finds nothing to do.
 */
@Injectable()
export class ReplySender {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tokens: ChannelTokensService,
    private readonly clients: PlatformClients,
    private readonly lifecycle: Lifecycle,
    private readonly conversations: ConversationRepository,
    private readonly usage: UsageCounter,
  ) {}

  async send(organizationId: string, replyId: string): Promise<SendOutcome> {
    const organization = await loadOrganization(this.dataSource.manager, organizationId);
    if (organization.pausedAt) return 'paused';
    const reply = await this.claim(organizationId, replyId);
    if (!reply) return 'nothing_to_do';
    const message = await this.conversations.message(organizationId, reply.messageId);
    if (!message) throw new NotFoundError('conversation');
    const channel = await this.dataSource
      .getRepository(ChannelEntity)
      .findOneByOrFail({ organizationId, id: reply.channelId });
    let sent: PublishedItem;
    try {
      sent = await this.post(channel, message, reply);
    } catch (error) {
      await this.failed(reply, error);
      throw error;
    }
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
      await this.conversations.setMessageStatus(organizationId, message.id, 'replied', tx);
    });
    return 'sent';
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
   * A refusal, or a lost answer that may hide a sent reply, ends it as failed (never sent twice);
   * anything else puts it back to approved for the job's next attempt.
   */
  private async failed(reply: ConversationReplyEntity, error: unknown): Promise<void> {
    const final = error instanceof PlatformError && FINAL_FAILURES.has(error.kind);
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
