import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull, MoreThan } from 'typeorm';
import type { IncomingMessage } from '@rounds/platforms';
import { ChannelEntity } from '../channels/channel.entity';
import { ChannelTokensService } from '../channels/channel-tokens.service';
import { PlatformClients } from '../channels/platform-clients';
import { toStorableText } from '../common/storable-text';
import { UsageCounter } from '../metrics/platform-usage';
import { PublicationMetricsEntity } from '../metrics/publication-metrics.entity';
import { classifyFeedback } from '../feedback/feedback-classifier';
import { ConversationCursorEntity } from './conversation-cursor.entity';

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
    private readonly tokens: ChannelTokensService,
    private readonly clients: PlatformClients,
    private readonly usage: UsageCounter,
  ) {}

  async pull(organizationId: string, channelId: string): Promise<PullResult> {
    const channel = await this.dataSource
      .getRepository(ChannelEntity)
      .findOneBy({ organizationId, id: channelId, status: 'connected' });
    if (!channel) return { received: 0, stored: 0 };
    const cursor = await this.dataSource
      .getRepository(ConversationCursorEntity)
      .findOneBy({ channelId });
    const answered =
      channel.platform === 'x'
        ? await this.mentions(channel, cursor)
        : await this.comments(channel, cursor);
    const messages = answered.map(storableMessage);
    return this.dataSource.transaction(async (tx) => {
      const stored = await storeMessages(tx, channel, messages);
      await tx.upsert(
        ConversationCursorEntity,
        {
          channelId,
          organizationId,
          // X lists oldest first, so the last one is the newest id.
          sinceId:
            channel.platform === 'x'
              ? (messages.at(-1)?.externalId ?? cursor?.sinceId ?? null)
              : null,
          sinceTime: newest(messages) ?? cursor?.sinceTime ?? null,
          pulledAt: new Date(),
        },
        ['channelId'],
      );
      return { received: messages.length, stored };
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
    const videos = await this.dataSource.getRepository(PublicationMetricsEntity).find({
      where: {
        channelId: channel.id,
        goneAt: IsNull(),
        publishedAt: MoreThan(new Date(Date.now() - COMMENT_WINDOW_MS)),
      },
      select: { externalId: true },
    });
    if (videos.length === 0) return [];
    try {
      const comments = await this.tokens.withAccessToken(
        channel.organizationId,
        channel.id,
        (token) =>
          this.clients.youtube.getComments(
            token,
            videos.map((v) => v.externalId),
          ),
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

/**
 * Inserts what is not in the inbox yet, linked to our publication it answers and with its feedback
 * category; returns how many.
 */
async function storeMessages(
  tx: EntityManager,
  channel: ChannelEntity,
  messages: IncomingMessage[],
): Promise<number> {
  if (messages.length === 0) return 0;
  const verdicts = messages.map((m) => classifyFeedback(m.text));
  const [{ stored }]: { stored: number }[] = await tx.query(
    `WITH inserted AS (
       INSERT INTO conversation_messages (organization_id, channel_id, platform, external_id,
         in_reply_to_external_id, in_reply_to_publication_id, author_handle, author_name, text, received_at,
         category, category_reasons)
       SELECT $1, $2, $3, u.external_id, u.in_reply_to, pm.publication_id, u.handle, u.name, u.text, u.received_at,
         u.category, ARRAY(SELECT jsonb_array_elements_text(u.reasons))
       FROM unnest($4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::timestamptz[],
         $10::text[], $11::jsonb[])
         AS u(external_id, in_reply_to, handle, name, text, received_at, category, reasons)
       LEFT JOIN publication_metrics pm ON pm.channel_id = $2 AND pm.external_id = u.in_reply_to
       ON CONFLICT (channel_id, external_id) DO NOTHING
       RETURNING 1)
     SELECT count(*)::int AS stored FROM inserted`,
    [
      channel.organizationId,
      channel.id,
      channel.platform,
      messages.map((m) => m.externalId),
      messages.map((m) => m.inReplyToExternalId),
      messages.map((m) => m.authorHandle),
      messages.map((m) => m.authorName),
      messages.map((m) => m.text),
      messages.map((m) => m.createdAt),
      verdicts.map((v) => v.category),
      verdicts.map((v) => JSON.stringify(v.reasons)),
    ],
  );
  return stored;
}
