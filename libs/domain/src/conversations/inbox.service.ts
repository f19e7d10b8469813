import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, LessThan } from 'typeorm';
import { AuditAction } from '../audit/audit-action';
import { AuditService } from '../audit/audit.service';
import { NotFoundError } from '../common/domain-error';
import type { FeedbackCategory } from '../feedback/feedback-category';
import { Actor } from '../identity/actor';
import { ConversationMessageEntity, MessageStatus } from './conversation-message.entity';
import { ConversationReplyEntity } from './conversation-reply.entity';
import { MessageView, messageView } from './conversation-views';
import { RepliesService } from './replies.service';

export interface InboxQuery {
  status?: MessageStatus;
  channelId?: string;
  category?: FeedbackCategory;
  /** Messages received before this time (the next page). */
  before?: Date;
  limit?: number;
}

const MAX_PAGE = 200;

/** The organization's inbox: mentions, replies and comments pulled from the platforms. */
@Injectable()
export class InboxService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly replies: RepliesService,
    private readonly audit: AuditService,
  ) {}

  /** Newest first, each with the replies drafted to it. */
  async list(actor: Actor, query: InboxQuery): Promise<MessageView[]> {
    const { organizationId } = actor;
    const messages = await this.dataSource.getRepository(ConversationMessageEntity).find({
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
    const replies = messages.length
      ? await this.dataSource.getRepository(ConversationReplyEntity).find({
          where: { organizationId, messageId: In(messages.map((m) => m.id)) },
          order: { createdAt: 'ASC' },
        })
      : [];
    const views = await this.replies.withApprovals(organizationId, replies);
    return messages.map((m) =>
      messageView(
        m,
        views.filter((r) => r.messageId === m.id),
      ),
    );
  }

  /** Marks a message as needing no answer. */
  async dismiss(actor: Actor, messageId: string): Promise<MessageView> {
    return this.dataSource.transaction(async (tx) => {
      const message = await tx.findOne(ConversationMessageEntity, {
        where: { organizationId: actor.organizationId, id: messageId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!message) throw new NotFoundError('conversation');
      const from = message.status;
      message.status = 'dismissed';
      await tx.update(ConversationMessageEntity, { id: message.id }, { status: 'dismissed' });
      await this.audit.record(tx, {
        organizationId: actor.organizationId,
        actorId: actor.userId,
        action: AuditAction.ConversationDismissed,
        subjectType: 'conversation',
        subjectId: message.id,
        data: { from },
      });
      return messageView(message, []);
    });
  }
}
