import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditAction, AuditService } from '../audit';
import { ConflictError, InvalidInputError, NotFoundError } from '../common';
import type { Actor, Role } from '../identity';
import { FEEDBACK_CATEGORIES, type FeedbackCategory } from './feedback-category';
import type { FeedbackGroupEntity } from './feedback-group.entity';
import {
  FeedbackSettingsRepository,
  type GroupFields,
  type RouteFields,
} from './feedback-settings.repository';

export interface FeedbackRoute extends RouteFields {
  category: FeedbackCategory;
}

export interface FeedbackGroup {
  id: string;
  name: string;
  memberIds: string[];
}

/** Everything the Settings screen and the inbox need: every category's route, the groups, who may own. */
export interface FeedbackSettings {
  routes: FeedbackRoute[];
  groups: FeedbackGroup[];
  people: { id: string; name: string; role: Role }[];
}

const groupView = ({ id, name, memberIds }: FeedbackGroupEntity): FeedbackGroup => ({
  id,
  name,
  memberIds,
});

/**
 * Who owns each category of an organization's patient feedback and its response target, and the
 * groups that can own one. Admins change them; every change is audited.
 */
@Injectable()
export class FeedbackSettingsService {
  constructor(
    private readonly settings: FeedbackSettingsRepository,
    private readonly audit: AuditService,
  ) {}

  async get(organizationId: string): Promise<FeedbackSettings> {
    const [routes, groups, people] = await Promise.all([
      this.settings.routes(organizationId),
      this.settings.groups(organizationId),
      this.settings.people(organizationId),
    ]);
    const byCategory = new Map(routes.map((r) => [r.category, r]));
    return {
      routes: FEEDBACK_CATEGORIES.map((category) => {
        const route = byCategory.get(category);
        return {
          category,
          ownerUserId: route?.ownerUserId ?? null,
          ownerGroupId: route?.ownerGroupId ?? null,
          responseTargetHours: route?.responseTargetHours ?? null,
        };
      }),
      groups: groups.map(groupView),
      people: people.map(({ id, name, role }) => ({ id, name, role })),
    };
  }

  /** Replaces a category's owner (a user, a group, or nobody) and response target. */
  async setRoute(actor: Actor, category: FeedbackCategory, fields: RouteFields) {
    const { organizationId } = actor;
    if (fields.ownerUserId && fields.ownerGroupId) {
      throw new InvalidInputError('ownerGroupId', 'give ownerUserId or ownerGroupId, not both');
    }
    return this.settings.transaction(async (tx) => {
      if (fields.ownerUserId) await this.assertPeople(tx, organizationId, [fields.ownerUserId]);
      if (
        fields.ownerGroupId &&
        !(await this.settings.lockGroup(organizationId, fields.ownerGroupId, tx))
      ) {
        throw new InvalidInputError('ownerGroupId', 'ownerGroupId names no group of yours');
      }
      const before = await this.settings.route(organizationId, category, tx);
      await this.settings.saveRoute(organizationId, category, fields, tx);
      await this.record(tx, actor, AuditAction.FeedbackRouteSet, category, {
        category,
        ...fields,
        previous: before
          ? {
              ownerUserId: before.ownerUserId,
              ownerGroupId: before.ownerGroupId,
              responseTargetHours: before.responseTargetHours,
            }
          : null,
      });
      return { category, ...fields };
    });
  }

  /** Creates a group (no `id`) or replaces an existing one's name and members. */
  async saveGroup(actor: Actor, id: string | null, input: GroupFields): Promise<FeedbackGroup> {
    const { organizationId } = actor;
    const name = input.name.trim();
    if (name === '') throw new InvalidInputError('name', 'name must not be empty');
    const memberIds = [...new Set(input.memberIds)];
    return this.settings.transaction(async (tx) => {
      if (id && !(await this.settings.lockGroup(organizationId, id, tx))) {
        throw new NotFoundError('feedback group');
      }
      const namesake = await this.settings.groupNamed(organizationId, name, tx);
      if (namesake && namesake.id !== id) {
        throw new ConflictError(`a group named "${name}" exists already`, 'name');
      }
      await this.assertPeople(tx, organizationId, memberIds, 'memberIds');
      const group = await this.settings.saveGroup(
        organizationId,
        { ...(id ? { id } : {}), name, memberIds },
        tx,
      );
      await this.record(tx, actor, AuditAction.FeedbackGroupSaved, group.id, {
        name,
        memberIds,
        created: !id,
      });
      return groupView(group);
    });
  }

  /** A group that owns a category stays until the category has another owner. */
  async deleteGroup(actor: Actor, id: string): Promise<void> {
    const { organizationId } = actor;
    await this.settings.transaction(async (tx) => {
      const group = await this.settings.lockGroup(organizationId, id, tx);
      if (!group) throw new NotFoundError('feedback group');
      const owned = await this.settings.categoriesOwnedBy(organizationId, id, tx);
      if (owned.length > 0) {
        throw new ConflictError(`the group owns ${owned.join(', ')}: give it another owner first`);
      }
      await this.settings.deleteGroup(organizationId, id, tx);
      await this.record(tx, actor, AuditAction.FeedbackGroupDeleted, id, { name: group.name });
    });
  }

  /** Each id must be an active user of the organization who may handle feedback. */
  private async assertPeople(
    tx: EntityManager,
    organizationId: string,
    userIds: string[],
    field = 'ownerUserId',
  ): Promise<void> {
    const people = new Set((await this.settings.people(organizationId, tx)).map((p) => p.id));
    const strangers = userIds.filter((id) => !people.has(id));
    if (strangers.length > 0) {
      throw new InvalidInputError(
        field,
        `${field} must name active users who may handle feedback (admins, marketers, compliance officers); not: ${strangers.join(', ')}`,
      );
    }
  }

  private record(
    tx: EntityManager,
    actor: Actor,
    action: AuditAction,
    subjectId: string,
    data: Parameters<AuditService['record']>[1]['data'],
  ) {
    return this.audit.record(tx, {
      organizationId: actor.organizationId,
      actorId: actor.userId,
      action,
      subjectType: action === AuditAction.FeedbackRouteSet ? 'feedback_route' : 'feedback_group',
      subjectId,
      data,
    });
  }
}
