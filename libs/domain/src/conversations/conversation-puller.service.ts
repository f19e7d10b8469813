import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { IncomingMessage } from '@rounds/platforms';
import { ChannelEntity } from '../channels/channel.entity';
import { ChannelTokensService } from '../channels/channel-tokens.service';
import { PlatformClients } from '../channels/platform-clients';
import { toStorableText } from '../common/storable-text';
import { UsageCounter } from '../metrics/platform-usage';
import { classifyFeedback } from '../feedback/feedback-classifier';
import { ConversationCursorEntity } from './conversation-cursor.entity';
import { ConversationRepository } from './conversation.repository';
import { FeedbackAlerts } from './feedback-alerts.service';

/** YouTube comments are read on videos published this recently (each video costs quota). */
const COMMENT_WINDOW_MS = 30 * 24 * 3600 * 1000;

export interface PullResult {
  received: number;
  stored: number;
}

/** Pulls one channel's new mentions and replies (X) or comments (YouTube) into the inbox. */
@Injectable()
export class ConversationPuller {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly conversations: ConversationRepository,
    private readonly tokens: ChannelTokensService,
    private readonly clients: PlatformClients,
    private readonly usage: UsageCounter,
    private readonly alerts: FeedbackAlerts,
  ) {}

  async pull(organizationId: string, channelId: string): Promise<PullResult> {
    const channel = await this.dataSource
      .getRepository(ChannelEntity)
      .findOneBy({ organizationId, id: channelId, status: 'connected' });
    if (!channel) return { received: 0, stored: 0 };
    const cursor = await this.conversations.cursor(organizationId, channelId);
    const answered =
      channel.platform === 'x'
        ? await this.mentions(channel, cursor)
        : await this.comments(channel, cursor);
    const messages = answered.map(storableMessage);
    return this.conversations.transaction(async (tx) => {
      const stored = await this.conversations.storeMessages(
        organizationId,
        channel,
        messages.map((message) => ({ ...message, feedback: classifyFeedback(message.text) })),
        tx,
      );
      const safety = stored.filter((m) => m.category === 'safety').map((m) => m.id);
      await this.alerts.alertSafety(tx, organizationId, safety);
      await this.conversations.saveCursor(
        organizationId,
        {
          channelId,
          // X lists oldest first, so the last one is the newest id.
          sinceId:
            channel.platform === 'x'
              ? (messages.at(-1)?.externalId ?? cursor?.sinceId ?? null)
              : null,
          sinceTime: newest(messages) ?? cursor?.sinceTime ?? null,
          pulledAt: new Date(),
        },
        tx,
      );
      return { received: messages.length, stored: stored.length };
    });
  }

  private async mentions(channel: ChannelEntity, cursor: ConversationCursorEntity | null) {
    try {
      return await this.tokens.withAccessToken(channel.organizationId, channel.id, (token) =>
        this.clients.x.getMentions(token, channel.externalAccountId, cursor?.sinceId ?? undefined),
      );
    } finally {
      const call = { platform: 'x' as const, operation: 'users.mentions', requests: 1, units: 1 };
      await this.usage.count(call);
    }
  }

  private async comments(channel: ChannelEntity, cursor: ConversationCursorEntity | null) {
    const videos = await this.conversations.videosOf(
      channel.organizationId,
      channel.id,
      new Date(Date.now() - COMMENT_WINDOW_MS),
    );
    if (videos.length === 0) return [];
    try {
      const comments = await this.tokens.withAccessToken(
        channel.organizationId,
        channel.id,
        (token) => this.clients.youtube.getComments(token, videos),
      );
      const since = cursor?.sinceTime?.getTime() ?? 0;
      return comments
        .filter((c) => c.createdAt.getTime() >= since)
        .sort((a, b) => +a.createdAt - +b.createdAt);
    } finally {
      const units = videos.length * this.clients.youtube.quotaCost('commentThreads.list');
      const call = {
        platform: 'youtube' as const,
        operation: 'commentThreads.list',
        requests: videos.length,
        units,
      };
      await this.usage.count(call);
    }
  }
}

/** Anyone may post a NUL or a lone surrogate: cleaned, so one such message cannot fail the batch. */
const storableMessage = (message: IncomingMessage): IncomingMessage => ({
  ...message,
  externalId: toStorableText(message.externalId),
  inReplyToExternalId: toStorableText(message.inReplyToExternalId),
  authorHandle: toStorableText(message.authorHandle),
  authorName: toStorableText(message.authorName),
  text: toStorableText(message.text),
});

const newest = (messages: IncomingMessage[]) =>
  messages.length ? new Date(Math.max(...messages.map((m) => m.createdAt.getTime()))) : undefined;
