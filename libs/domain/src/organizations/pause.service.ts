import type { JsonObject } from '../common/json';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditAction } from '../audit/audit-action';
import { AuditService } from '../audit/audit.service';
import { ConflictError } from '../common/domain-error';
import { Actor } from '../identity/actor';
import { PostEntity } from '../posts/post.entity';
import { PostStatus } from '../lifecycle/statuses';
import { loadOrganization } from './organization-store';

export interface PauseState {
  paused: boolean;
  pausedAt: Date | null;
  pauseReason: string | null;
  pausedById: string | null;
  /** Posts waiting for a release; resuming does not release them. */
  heldPostIds: string[];
}

/** The emergency switch: while it is on nothing publishes, and due posts are held. */
@Injectable()
export class PauseService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  pause(actor: Actor, reason: string): Promise<PauseState> {
    return this.dataSource.transaction(async (tx) => {
      const organization = await loadOrganization(tx, actor.organizationId, 'pessimistic_write');
      if (organization.pausedAt) {
        throw new ConflictError(`publishing is already paused: ${organization.pauseReason}`);
      }
      organization.pausedAt = new Date();
      organization.pauseReason = reason.trim();
      organization.pausedById = actor.userId;
      await tx.save(organization);
      await this.record(tx, actor, AuditAction.OrganizationPaused, { reason });
      return this.state(actor.organizationId, organization);
    });
  }

  resume(actor: Actor, reason: string): Promise<PauseState> {
    return this.dataSource.transaction(async (tx) => {
      const organization = await loadOrganization(tx, actor.organizationId, 'pessimistic_write');
      if (!organization.pausedAt) throw new ConflictError('publishing is not paused');
      const pausedSeconds = Math.round((Date.now() - organization.pausedAt.getTime()) / 1000);
      const pauseReason = organization.pauseReason;
      organization.pausedAt = null;
      organization.pauseReason = null;
      organization.pausedById = null;
      await tx.save(organization);
      const state = await this.state(actor.organizationId, organization);
      await this.record(tx, actor, AuditAction.OrganizationResumed, {
        reason,
        pauseReason,
        pausedSeconds,
        heldPosts: state.heldPostIds.length,
      });
      return state;
    });
  }

  async status(organizationId: string): Promise<PauseState> {
    const organization = await loadOrganization(this.dataSource.manager, organizationId);
    return this.state(organizationId, organization);
  }

  private async state(
    organizationId: string,
    organization: { pausedAt: Date | null; pauseReason: string | null; pausedById: string | null },
  ): Promise<PauseState> {
    const held = await this.dataSource.getRepository(PostEntity).find({
      where: { organizationId, status: PostStatus.Held },
      select: { id: true },
      order: { scheduledAt: 'ASC' },
    });
    return {
      paused: organization.pausedAt !== null,
      pausedAt: organization.pausedAt,
      pauseReason: organization.pauseReason,
      pausedById: organization.pausedById,
      heldPostIds: held.map((p) => p.id),
    };
  }

  private record(manager: EntityManager, actor: Actor, action: AuditAction, data: JsonObject) {
    return this.audit.record(manager, {
      organizationId: actor.organizationId,
      actorId: actor.userId,
      action,
      subjectType: 'organization',
      subjectId: actor.organizationId,
      data,
    });
  }
}
