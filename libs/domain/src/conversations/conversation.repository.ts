import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull, LessThan, MoreThan } from 'typeorm';
import type { IncomingMessage } from '@rounds/platforms';
import type { ChannelEntity } from '../channels/channel.entity';
import type { FeedbackCategory, FeedbackVerdict } from '../feedback/feedback-category';
import { PublicationMetricsEntity } from '../metrics/publication-metrics.entity';
import { ConversationCursorEntity } from './conversation-cursor.entity';
import { ConversationMessageEntity, MessageStatus } from './conversation-message.entity';
import type { ReplyStatus } from '../lifecycle/statuses';
import { ConversationReplyEntity } from './conversation-reply.entity';
import { ReplyApprovalEntity } from './reply-approval.entity';

export interface InboxQuery {
  status?: MessageStatus;
  channelId?: string;
  category?: FeedbackCategory;
  /** Messages received before this time (the next page). */
  before?: Date;
  limit?: number;
}

const MAX_PAGE = 200;

type NewReply = Omit<ConversationReplyEntity, 'id' | 'createdAt' | 'updatedAt' | 'approvedAt'> &
  Partial<Pick<ConversationReplyEntity, 'approvedAt'>>;
type NewReplyApproval = Pick<
  ReplyApprovalEntity,
  'replyId' | 'approverId' | 'decision' | 'comment' | 'overrides'
>;

/**
 * The conversations' tables: inbox messages, pull cursors, replies and their approvals. Every
 * read of tenant data takes the organization first; `manager` is the caller's transaction, if any.
 * Reply statuses are written by the Lifecycle, not here.
 */
@Injectable()
export class ConversationRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  // --- messages

  message(organizationId: string, id: string, manager = this.dataSource.manager) {
    return manager.findOneBy(ConversationMessageEntity, { organizationId, id });
  }

  /** Row-locked for the rest of the transaction. */
  lockMessage(organizationId: string, id: string, tx: EntityManager) {
    return tx.findOne(ConversationMessageEntity, {
      where: { organizationId, id },
      lock: { mode: 'pessimistic_write' },
    });
  }

  async setMessageStatus(
    organizationId: string,
    id: string,
    status: MessageStatus,
    manager = this.dataSource.manager,
  ): Promise<void> {
    await manager.update(ConversationMessageEntity, { organizationId, id }, { status });
  }

  /** The inbox, newest first. */
  messages(organizationId: string, query: InboxQuery): Promise<ConversationMessageEntity[]> {
    return this.dataSource.getRepository(ConversationMessageEntity).find({
      where: {
        organizationId,
        ...(query.status ? { status: query.status } : {}),
        ...(query.channelId ? { channelId: query.channelId } : {}),
        ...(query.category ? { category: query.category } : {}),
        ...(query.before ? { receivedAt: LessThan(query.before) } : {}),
      },
      order: { receivedAt: 'DESC', id: 'DESC' },
      take: Math.min(query.limit ?? 50, MAX_PAGE),
    });
  }

  /**
   * Inserts what is not in the inbox yet, linked to our publication it answers; returns how many
   * (one statement for the whole pull).
   */
  async storeMessages(
    organizationId: string,
    channel: Pick<ChannelEntity, 'id' | 'platform'>,
    messages: (IncomingMessage & { feedback: FeedbackVerdict })[],
    tx: EntityManager,
  ): Promise<number> {
    if (messages.length === 0) return 0;
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
         LEFT JOIN publication_metrics pm
           ON pm.organization_id = $1 AND pm.channel_id = $2 AND pm.external_id = u.in_reply_to
         ON CONFLICT (channel_id, external_id) DO NOTHING
         RETURNING 1)
       SELECT count(*)::int AS stored FROM inserted`,
      [
        organizationId,
        channel.id,
        channel.platform,
        messages.map((m) => m.externalId),
        messages.map((m) => m.inReplyToExternalId),
        messages.map((m) => m.authorHandle),
        messages.map((m) => m.authorName),
        messages.map((m) => m.text),
        messages.map((m) => m.createdAt),
        messages.map((m) => m.feedback.category),
        messages.map((m) => JSON.stringify(m.feedback.reasons)),
      ],
    );
    return stored;
  }

  // --- pulling

  cursor(organizationId: string, channelId: string) {
    return this.dataSource
      .getRepository(ConversationCursorEntity)
      .findOneBy({ organizationId, channelId });
  }

  async saveCursor(
    organizationId: string,
    cursor: Pick<ConversationCursorEntity, 'channelId' | 'sinceId' | 'sinceTime' | 'pulledAt'>,
    tx: EntityManager,
  ): Promise<void> {
    await tx.upsert(ConversationCursorEntity, { ...cursor, organizationId }, ['channelId']);
  }

  /** The channel's videos published since `since` and still up: their comments are pulled. */
  async videosOf(organizationId: string, channelId: string, since: Date): Promise<string[]> {
    const videos = await this.dataSource.getRepository(PublicationMetricsEntity).find({
      where: { organizationId, channelId, goneAt: IsNull(), publishedAt: MoreThan(since) },
      select: { externalId: true },
    });
    return videos.map((v) => v.externalId);
  }

  // --- replies

  reply(organizationId: string, id: string, manager = this.dataSource.manager) {
    return manager.findOneByOrFail(ConversationReplyEntity, { organizationId, id });
  }

  /** A reply still `sending` whose answer proved nothing: why, and when it was last in flight. */
  async noteReplyInDoubt(organizationId: string, id: string, error: string): Promise<void> {
    await this.dataSource
      .getRepository(ConversationReplyEntity)
      .update({ organizationId, id, status: 'sending' }, { error });
  }

  /** Row-locked for the rest of the transaction. */
  lockReply(organizationId: string, id: string, tx: EntityManager) {
    return tx.findOne(ConversationReplyEntity, {
      where: { organizationId, id },
      lock: { mode: 'pessimistic_write' },
    });
  }

  insertReply(organizationId: string, reply: Omit<NewReply, 'organizationId'>, tx: EntityManager) {
    return tx.save(tx.create(ConversationReplyEntity, { ...reply, organizationId }));
  }

  /** Newest first; `status` narrows (in_review: the review queue). */
  replies(organizationId: string, status?: ReplyStatus): Promise<ConversationReplyEntity[]> {
    return this.dataSource.getRepository(ConversationReplyEntity).find({
      where: { organizationId, ...(status ? { status } : {}) },
      order: { createdAt: 'DESC' },
      take: MAX_PAGE,
    });
  }

  /** The replies drafted to these messages, oldest first. */
  async repliesTo(organizationId: string, messageIds: string[]) {
    if (messageIds.length === 0) return [];
    return this.dataSource.getRepository(ConversationReplyEntity).find({
      where: { organizationId, messageId: In(messageIds) },
      order: { createdAt: 'ASC' },
    });
  }

  /**
   * Replies approved or left `sending` and untouched since `before`, in every organization (each
   * row carries its organization): their job was lost (a crash with a Redis loss) or ran out of
   * attempts. Sending one again looks a `sending` one up first.
   */
  staleUnsent(before: Date) {
    return this.dataSource.getRepository(ConversationReplyEntity).find({
      where: { status: In(['approved', 'sending']), updatedAt: LessThan(before) },
      select: { id: true, organizationId: true, updatedAt: true },
    });
  }

  // --- approvals of replies

  approvalsOf(organizationId: string, replyId: string, tx: EntityManager) {
    return tx.findBy(ReplyApprovalEntity, { organizationId, replyId, decision: 'approve' });
  }

  async insertApproval(
    organizationId: string,
    approval: NewReplyApproval,
    tx: EntityManager,
  ): Promise<void> {
    await tx.insert(ReplyApprovalEntity, { ...approval, organizationId });
  }

  /** How many approvals each reply has. */
  async approvalCounts(organizationId: string, replyIds: string[]): Promise<Map<string, number>> {
    if (replyIds.length === 0) return new Map();
    const counts: { replyId: string; count: number }[] = await this.dataSource
      .getRepository(ReplyApprovalEntity)
      .createQueryBuilder('a')
      .select('a.reply_id', 'replyId')
      .addSelect('count(*)::int', 'count')
      .where({ organizationId, replyId: In(replyIds), decision: 'approve' })
      .groupBy('a.reply_id')
      .getRawMany();
    return new Map(counts.map((c) => [c.replyId, c.count]));
  }
}
