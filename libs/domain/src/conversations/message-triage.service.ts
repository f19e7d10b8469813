import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditAction } from '../audit/audit-action';
import { AuditService } from '../audit/audit.service';
import type { JsonObject } from '../common/json';
import { InvalidInputError, NotFoundError } from '../common/domain-error';
import { FeedbackOwners } from '../feedback';
import { Actor } from '../identity/actor';
import { InvalidTransitionError } from '../lifecycle/transition-error';
import type { ConversationMessageEntity } from './conversation-message.entity';
import { ConversationRepository } from './conversation.repository';
import type { MessageView } from './conversation-views';
import { InboxService } from './inbox.service';

const NOTE_MAX = 5_000;

/**
 * What owners do with a message before and besides replying: assign it, take it, note it (internal,
 * never sent anywhere) and close it. Admins, the assignee and the category's owners may; each step
 * is on the audit trail.
 */
@Injectable()
export class MessageTriageService {
  constructor(
    private readonly conversations: ConversationRepository,
    private readonly owners: FeedbackOwners,
    private readonly inbox: InboxService,
    private readonly audit: AuditService,
  ) {}

  async assign(actor: Actor, messageId: string, assigneeId: string): Promise<MessageView> {
    return this.handle(actor, messageId, async (tx, message) => {
      await this.owners.assertHandler(tx, actor.organizationId, assigneeId);
      await this.conversations.assign(actor.organizationId, message.id, assigneeId, tx);
      return [AuditAction.ConversationAssigned, { from: message.assigneeId, to: assigneeId }];
    });
  }

  /** The actor becomes the assignee. */
  async take(actor: Actor, messageId: string): Promise<MessageView> {
    return this.handle(actor, messageId, async (tx, message) => {
      await this.conversations.assign(actor.organizationId, message.id, actor.userId, tx);
      return [AuditAction.ConversationTaken, { from: message.assigneeId }];
    });
  }

  /** The trail keeps the note's hash, not its words: the note row holds them. */
  async note(actor: Actor, messageId: string, text: string): Promise<MessageView> {
    const trimmed = text.trim();
    if (trimmed === '') throw new InvalidInputError('text', 'text must not be empty');
    if (trimmed.length > NOTE_MAX) {
      throw new InvalidInputError('text', `text must be at most ${NOTE_MAX} characters`);
    }
    return this.handle(actor, messageId, async (tx, message) => {
      const note = await this.conversations.insertNote(
        actor.organizationId,
        { messageId: message.id, authorId: actor.userId, text: trimmed },
        tx,
      );
      const sha256 = createHash('sha256').update(trimmed).digest('hex');
      return [AuditAction.ConversationNoted, { noteId: note.id, sha256 }];
    });
  }

  /** Handled: answered in public, in private or offline. A dismissed message stays dismissed. */
  async close(actor: Actor, messageId: string): Promise<MessageView> {
    return this.handle(actor, messageId, async (tx, message) => {
      if (message.status === 'closed' || message.status === 'dismissed') {
        throw new InvalidTransitionError(
          'conversation',
          message.status,
          'closed',
          `a ${message.status} message cannot be closed`,
        );
      }
      await this.conversations.setMessageStatus(actor.organizationId, message.id, 'closed', tx);
      return [AuditAction.ConversationClosed, { from: message.status }];
    });
  }

  /** Locks the message, checks the actor may act on it, applies `step` and records what it says. */
  private async handle(
    actor: Actor,
    messageId: string,
    step: (
      tx: EntityManager,
      message: ConversationMessageEntity,
    ) => Promise<[AuditAction, JsonObject]>,
  ): Promise<MessageView> {
    const { organizationId } = actor;
    await this.conversations.transaction(async (tx) => {
      const message = await this.conversations.lockMessage(organizationId, messageId, tx);
      if (!message) throw new NotFoundError('conversation');
      await this.owners.assertMayHandle(tx, actor, message);
      const [action, data] = await step(tx, message);
      await this.audit.record(tx, {
        organizationId,
        actorId: actor.userId,
        action,
        subjectType: 'conversation',
        subjectId: message.id,
        data,
      });
    });
    return this.inbox.get(actor, messageId);
  }
}
