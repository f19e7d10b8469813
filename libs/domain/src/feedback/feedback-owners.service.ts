import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ForbiddenError, InvalidInputError } from '../common';
import { type Actor, Role } from '../identity';
import type { FeedbackCategory } from './feedback-category';
import { FeedbackSettingsRepository } from './feedback-settings.repository';

/** What the ownership rules read of a message. */
export interface OwnedMessage {
  category: FeedbackCategory | null;
  assigneeId: string | null;
}

/** Who owns a message of a category, and who may act on it. */
@Injectable()
export class FeedbackOwners {
  constructor(private readonly settings: FeedbackSettingsRepository) {}

  /** The active users who own the category (the user, or the group's members); none named: []. */
  ownerIds(manager: EntityManager, organizationId: string, category: FeedbackCategory) {
    return this.settings.ownerIds(organizationId, category, manager);
  }

  /** The categories the user owns, directly or through a group ("mine" in the inbox). */
  categoriesOf(organizationId: string, userId: string) {
    return this.settings.categoriesOf(organizationId, userId);
  }

  /**
   * Admins, the message's assignee and its category's owners may assign, take, note and close it;
   * a category nobody owns is everyone's who may handle feedback.
   */
  async assertMayHandle(manager: EntityManager, actor: Actor, message: OwnedMessage) {
    if (actor.role === Role.Admin || message.assigneeId === actor.userId || !message.category)
      return;
    const owners = await this.ownerIds(manager, actor.organizationId, message.category);
    if (owners.length > 0 && !owners.includes(actor.userId)) {
      throw new ForbiddenError(
        `${message.category} messages belong to their owners: ask one of them or an admin`,
      );
    }
  }

  /** An assignee must be an active user of the organization who may handle feedback. */
  async assertHandler(manager: EntityManager, organizationId: string, userId: string) {
    const people = await this.settings.people(organizationId, manager);
    if (!people.some((p) => p.id === userId)) {
      throw new InvalidInputError(
        'assigneeId',
        'assigneeId must name an active user who may handle feedback (admin, marketer, compliance officer)',
      );
    }
  }
}
