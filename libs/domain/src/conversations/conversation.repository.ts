import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull, LessThan, MoreThan } from 'typeorm';
import type { IncomingMessage } from '@rounds/platforms';
import type { ChannelEntity } from '../channels/channel.entity';
import type { FeedbackCategory, FeedbackVerdict } from '../feedback/feedback-category';
import { FeedbackRouteEntity } from '../feedback';
import { PublicationMetricsEntity } from '../metrics/publication-metrics.entity';
import { ConversationCursorEntity } from './conversation-cursor.entity';
import { ConversationMessageEntity, MessageStatus } from './conversation-message.entity';
import { ConversationNoteEntity } from './conversation-note.entity';
import { DUE_AT, overdueSql, ROUTE_OF_MESSAGE } from './feedback-targets';
import type { ReplyStatus } from '../lifecycle/statuses';
import { ConversationReplyEntity } from './conversation-reply.entity';
import { ReplyApprovalEntity } from './reply-approval.entity';

export interface InboxQuery {
  /** One message (its page in a notification). */
  id?: string;
  status?: MessageStatus;
  channelId?: string;
  category?: FeedbackCategory;
  /** Assigned to this user, or unassigned in a category the user owns. */
  owner?: { userId: string; categories: FeedbackCategory[] };
  /** Waiting past its category's response target (true), or not (false). */
  overdue?: boolean;
  /** Messages received before this time (the next page). */
  before?: Date;
  limit?: number;
}

/** A message as the inbox lists it: when its first response is due (null: no target), and whether it is late. */
export type InboxRow = ConversationMessageEntity & { dueAt: Date | null; overdue: boolean };

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

  /** Any status but `new` is a response: the first one is kept in `firstResponseAt`. */
  async setMessageStatus(
    organizationId: string,
    id: string,
    status: MessageStatus,
    manager = this.dataSource.manager,
    onlyFrom?: MessageStatus[],
  ): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(ConversationMessageEntity)
      .set({
        status,
        ...(status === 'new'
          ? {}
          : { firstResponseAt: () => 'coalesce(first_response_at, now())' }),
      })
      .where({ organizationId, id, ...(onlyFrom ? { status: In(onlyFrom) } : {}) })
      .execute();
  }

  /** The inbox: safety first, then newest first; each with its due time. */
  async messages(organizationId: string, query: InboxQuery, now = new Date()): Promise<InboxRow[]> {
    const q = this.dataSource
      .getRepository(ConversationMessageEntity)
      .createQueryBuilder('m')
      .leftJoin(FeedbackRouteEntity, 'r', ROUTE_OF_MESSAGE)
      .addSelect(DUE_AT, 'due_at')
      .addSelect(`coalesce(${overdueSql(':now')}, false)`, 'overdue')
      .addSelect("CASE WHEN m.category = 'safety' THEN 0 ELSE 1 END", 'safety_first')
      .where('m.organization_id = :organizationId', { organizationId, now });
    if (query.status) q.andWhere('m.status = :status', { status: query.status });
    if (query.channelId) q.andWhere('m.channel_id = :channelId', { channelId: query.channelId });
    if (query.category) q.andWhere('m.category = :category', { category: query.category });
    if (query.before) q.andWhere('m.received_at < :before', { before: query.before });
    if (query.id) q.andWhere('m.id = :id', { id: query.id });
    if (query.overdue !== undefined) {
      q.andWhere(`coalesce(${overdueSql(':now')}, false) = :overdue`, { overdue: query.overdue });
    }
    if (query.owner) {
      q.andWhere(
        '(m.assignee_id = :ownerId OR (m.assignee_id IS NULL AND m.category = ANY(:owned)))',
        { ownerId: query.owner.userId, owned: query.owner.categories },
      );
    }
    const { entities, raw } = await q
      .orderBy('safety_first', 'ASC')
      .addOrderBy('m.received_at', 'DESC')
      .addOrderBy('m.id', 'DESC')
      .limit(Math.min(query.limit ?? 50, MAX_PAGE))
      .getRawAndEntities<{ due_at: Date | null; overdue: boolean }>();
    return entities.map((m, i) =>
      Object.assign(m, { dueAt: raw[i].due_at, overdue: raw[i].overdue }),
    );
  }

  /** Assigns a message (`null`: nobody). */
  async assign(
    organizationId: string,
    id: string,
    assigneeId: string | null,
    tx: EntityManager,
  ): Promise<void> {
    await tx.update(ConversationMessageEntity, { organizationId, id }, { assigneeId });
  }

  // --- internal notes

  insertNote(
    organizationId: string,
    note: Pick<ConversationNoteEntity, 'messageId' | 'authorId' | 'text'>,
    tx: EntityManager,
  ): Promise<ConversationNoteEntity> {
    return tx.save(tx.create(ConversationNoteEntity, { ...note, organizationId }));
  }

  /** The notes on these messages, oldest first. */
  async notesOn(organizationId: string, messageIds: string[]): Promise<ConversationNoteEntity[]> {
    if (messageIds.length === 0) return [];
    return this.dataSource.getRepository(ConversationNoteEntity).find({
      where: { organizationId, messageId: In(messageIds) },
      order: { createdAt: 'ASC' },
    });
  }

  // --- response targets

  /**
   * Messages past their category's response target, not escalated yet, in every organization
   * (the escalation sweep; each row carries its organization).
   */
  overdueUnescalated(
    now: Date,
  ): Promise<Pick<ConversationMessageEntity, 'id' | 'organizationId'>[]> {
    return this.dataSource.query(
      `SELECT m.id, m.organization_id AS "organizationId" FROM conversation_messages m
         JOIN feedback_routes r ON ${ROUTE_OF_MESSAGE}
       WHERE m.escalated_at IS NULL AND ${overdueSql('$1')}
       ORDER BY m.received_at`,
      [now],
    );
  }

  /** Marks the message escalated unless it was already or is no longer overdue: one winner. */
  async markEscalated(
    organizationId: string,
    id: string,
    now: Date,
    tx: EntityManager,
  ): Promise<{ category: FeedbackCategory; dueAt: Date } | null> {
    const [rows]: [{ category: FeedbackCategory; dueAt: Date }[], number] = await tx.query(
      `UPDATE conversation_messages m SET escalated_at = $3
         FROM feedback_routes r
       WHERE m.organization_id = $1 AND m.id = $2 AND ${ROUTE_OF_MESSAGE}
         AND m.escalated_at IS NULL AND ${overdueSql('$3')}
       RETURNING m.category, ${DUE_AT} AS "dueAt"`,
      [organizationId, id, now],
    );
    return rows[0] ?? null;
  }

  /**
   * Inserts what is not in the inbox yet, linked to our publication it answers; returns the rows
   * inserted (one statement for the whole pull).
   */
  async storeMessages(
    organizationId: string,
    channel: Pick<ChannelEntity, 'id' | 'platform'>,
    messages: (IncomingMessage & { feedback: FeedbackVerdict })[],
    tx: EntityManager,
  ): Promise<Pick<ConversationMessageEntity, 'id' | 'category'>[]> {
    if (messages.length === 0) return [];
    return tx.query(
      `INSERT INTO conversation_messages (organization_id, channel_id, platform, external_id,
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
         RETURNING id, category`,
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
