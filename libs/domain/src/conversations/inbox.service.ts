import { Injectable } from '@nestjs/common';
import { AuditAction } from '../audit/audit-action';
import { AuditService } from '../audit/audit.service';
import { NotFoundError } from '../common/domain-error';
import { Actor } from '../identity/actor';
import { ConversationRepository, InboxQuery } from './conversation.repository';
import { MessageView, messageView } from './conversation-views';
import { RepliesService } from './replies.service';

/** The organization's inbox: mentions, replies and comments pulled from the platforms. */
@Injectable()
export class InboxService {
  constructor(
    private readonly conversations: ConversationRepository,
    private readonly replies: RepliesService,
    private readonly audit: AuditService,
  ) {}

  /** Newest first, each with the replies drafted to it. */
  async list(actor: Actor, query: InboxQuery): Promise<MessageView[]> {
    const { organizationId } = actor;
    const messages = await this.conversations.messages(organizationId, query);
    const replies = await this.conversations.repliesTo(
      organizationId,
      messages.map((m) => m.id),
    );
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
    const { organizationId } = actor;
    return this.conversations.transaction(async (tx) => {
      const message = await this.conversations.lockMessage(organizationId, messageId, tx);
      if (!message) throw new NotFoundError('conversation');
      const from = message.status;
      message.status = 'dismissed';
      await this.conversations.setMessageStatus(organizationId, message.id, 'dismissed', tx);
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
