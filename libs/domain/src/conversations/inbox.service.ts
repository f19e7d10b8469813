import { Injectable } from '@nestjs/common';
import { AuditAction } from '../audit/audit-action';
import { AuditService } from '../audit/audit.service';
import { NotFoundError } from '../common/domain-error';
import { FeedbackOwners } from '../feedback';
import { Actor } from '../identity/actor';
import { ConversationRepository, InboxQuery } from './conversation.repository';
import { MessageView, messageView, noteView } from './conversation-views';
import { RepliesService } from './replies.service';

/** What the inbox route filters by: `owner` is a user id or `mine`. */
export type InboxFilter = Omit<InboxQuery, 'owner' | 'id'> & { owner?: string };

/** The organization's inbox: mentions, replies and comments pulled from the platforms. */
@Injectable()
export class InboxService {
  constructor(
    private readonly conversations: ConversationRepository,
    private readonly replies: RepliesService,
    private readonly owners: FeedbackOwners,
    private readonly audit: AuditService,
  ) {}

  /** Safety first, then newest first, each with its replies and internal notes. */
  async list(actor: Actor, filter: InboxFilter): Promise<MessageView[]> {
    const { owner, ...rest } = filter;
    const ownerId = owner === 'mine' ? actor.userId : owner;
    const query: InboxQuery = {
      ...rest,
      ...(ownerId
        ? {
            owner: {
              userId: ownerId,
              categories: await this.owners.categoriesOf(actor.organizationId, ownerId),
            },
          }
        : {}),
    };
    return this.views(actor.organizationId, query);
  }

  /** One message, as the inbox shows it (the page a notification opens). */
  async get(actor: Actor, messageId: string): Promise<MessageView> {
    const [view] = await this.views(actor.organizationId, { id: messageId });
    if (!view) throw new NotFoundError('conversation');
    return view;
  }

  /** Marks a message as needing no answer. */
  async dismiss(actor: Actor, messageId: string): Promise<MessageView> {
    const { organizationId } = actor;
    await this.conversations.transaction(async (tx) => {
      const message = await this.conversations.lockMessage(organizationId, messageId, tx);
      if (!message) throw new NotFoundError('conversation');
      await this.conversations.setMessageStatus(organizationId, message.id, 'dismissed', tx);
      await this.audit.record(tx, {
        organizationId,
        actorId: actor.userId,
        action: AuditAction.ConversationDismissed,
        subjectType: 'conversation',
        subjectId: message.id,
        data: { from: message.status },
      });
    });
    return this.get(actor, messageId);
  }

  private async views(organizationId: string, query: InboxQuery): Promise<MessageView[]> {
    const messages = await this.conversations.messages(organizationId, query);
    const ids = messages.map((m) => m.id);
    const [replies, notes] = await Promise.all([
      this.conversations.repliesTo(organizationId, ids),
      this.conversations.notesOn(organizationId, ids),
    ]);
    const views = await this.replies.withApprovals(organizationId, replies);
    return messages.map((m) =>
      messageView(
        m,
        views.filter((r) => r.messageId === m.id),
        notes.filter((n) => n.messageId === m.id).map(noteView),
      ),
    );
  }
}
