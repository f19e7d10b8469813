import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { can, Permission, Role, UserEntity } from '../identity';
import type { FeedbackCategory } from './feedback-category';
import { FeedbackGroupEntity } from './feedback-group.entity';
import { FeedbackRouteEntity } from './feedback-route.entity';

/** The roles whose users may own and handle feedback (the role table's `feedback:handle`). */
export const HANDLER_ROLES = Object.values(Role).filter((r) => can(r, Permission.HandleFeedback));

export type RouteFields = Pick<
  FeedbackRouteEntity,
  'ownerUserId' | 'ownerGroupId' | 'responseTargetHours'
>;
export type GroupFields = Pick<FeedbackGroupEntity, 'name' | 'memberIds'>;

/**
 * The owners and response targets of each organization's feedback categories, and its groups.
 * Every read takes the organization first; `manager` is the caller's transaction, if any.
 */
@Injectable()
export class FeedbackSettingsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  routes(organizationId: string, manager = this.dataSource.manager) {
    return manager.find(FeedbackRouteEntity, { where: { organizationId } });
  }

  route(organizationId: string, category: FeedbackCategory, manager = this.dataSource.manager) {
    return manager.findOneBy(FeedbackRouteEntity, { organizationId, category });
  }

  async saveRoute(
    organizationId: string,
    category: FeedbackCategory,
    fields: RouteFields,
    tx: EntityManager,
  ): Promise<void> {
    await tx.upsert(FeedbackRouteEntity, { organizationId, category, ...fields }, [
      'organizationId',
      'category',
    ]);
  }

  groups(organizationId: string, manager = this.dataSource.manager) {
    return manager.find(FeedbackGroupEntity, { where: { organizationId }, order: { name: 'ASC' } });
  }

  /** Row-locked for the rest of the transaction. */
  lockGroup(organizationId: string, id: string, tx: EntityManager) {
    return tx.findOne(FeedbackGroupEntity, {
      where: { organizationId, id },
      lock: { mode: 'pessimistic_write' },
    });
  }

  groupNamed(organizationId: string, name: string, tx: EntityManager) {
    return tx.findOneBy(FeedbackGroupEntity, { organizationId, name });
  }

  saveGroup(
    organizationId: string,
    group: GroupFields & { id?: string },
    tx: EntityManager,
  ): Promise<FeedbackGroupEntity> {
    return tx.save(tx.create(FeedbackGroupEntity, { ...group, organizationId }));
  }

  async deleteGroup(organizationId: string, id: string, tx: EntityManager): Promise<void> {
    await tx.delete(FeedbackGroupEntity, { organizationId, id });
  }

  /** The categories a group owns. */
  async categoriesOwnedBy(organizationId: string, groupId: string, tx: EntityManager) {
    const routes = await tx.findBy(FeedbackRouteEntity, { organizationId, ownerGroupId: groupId });
    return routes.map((r) => r.category);
  }

  /** Active users who may own and handle feedback, by name. */
  people(organizationId: string, manager = this.dataSource.manager) {
    return manager.find(UserEntity, {
      where: { organizationId, disabledAt: IsNull(), role: In(HANDLER_ROLES) },
      select: { id: true, name: true, role: true },
      order: { name: 'ASC' },
    });
  }

  /** The categories a user owns, directly or through a group. */
  async categoriesOf(organizationId: string, userId: string): Promise<FeedbackCategory[]> {
    const rows: { category: FeedbackCategory }[] = await this.dataSource.query(
      `SELECT r.category FROM feedback_routes r
         LEFT JOIN feedback_groups g ON g.organization_id = r.organization_id AND g.id = r.owner_group_id
       WHERE r.organization_id = $1 AND (r.owner_user_id = $2 OR $2 = ANY(g.member_ids))
       ORDER BY r.category`,
      [organizationId, userId],
    );
    return rows.map((r) => r.category);
  }

  /** The active users behind a category's owner: the user, or the group's members. */
  async ownerIds(
    organizationId: string,
    category: FeedbackCategory,
    manager = this.dataSource.manager,
  ): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT u.id FROM feedback_routes r
         LEFT JOIN feedback_groups g ON g.organization_id = r.organization_id AND g.id = r.owner_group_id
         JOIN users u ON u.organization_id = r.organization_id
           AND (u.id = r.owner_user_id OR u.id = ANY(g.member_ids))
       WHERE r.organization_id = $1 AND r.category = $2 AND u.disabled_at IS NULL
       ORDER BY u.id`,
      [organizationId, category],
    );
    return rows.map((r) => r.id);
  }
}
