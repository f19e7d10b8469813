import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditAction } from '../audit/audit-action';
import { AuditService } from '../audit/audit.service';
import { ConflictError } from '../common/domain-error';
import { Actor } from '../identity/actor';
import { loadOrganization } from '../organizations/organization-store';

export interface LegalHoldState {
  onHold: boolean;
  since: Date | null;
  reason: string | null;
}

/** While a legal hold is on, the retention job deletes nothing of the organization. */
@Injectable()
export class LegalHoldService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async state(organizationId: string): Promise<LegalHoldState> {
    const organization = await loadOrganization(this.dataSource.manager, organizationId);
    return {
      onHold: organization.legalHoldSince !== null,
      since: organization.legalHoldSince,
      reason: organization.legalHoldReason,
    };
  }

  set(actor: Actor, reason: string): Promise<LegalHoldState> {
    return this.change(actor, reason, true);
  }

  lift(actor: Actor, reason: string): Promise<LegalHoldState> {
    return this.change(actor, reason, false);
  }

  private change(actor: Actor, reason: string, hold: boolean): Promise<LegalHoldState> {
    return this.dataSource.transaction(async (tx) => {
      const organization = await loadOrganization(tx, actor.organizationId, 'pessimistic_write');
      const since = organization.legalHoldSince;
      if ((since !== null) === hold) {
        throw new ConflictError(hold ? 'a legal hold is already on' : 'there is no legal hold');
      }
      organization.legalHoldSince = hold ? new Date() : null;
      organization.legalHoldReason = hold ? reason.trim() : null;
      organization.legalHoldById = hold ? actor.userId : null;
      await tx.save(organization);
      await this.audit.record(tx, {
        organizationId: actor.organizationId,
        actorId: actor.userId,
        action: hold ? AuditAction.LegalHoldSet : AuditAction.LegalHoldLifted,
        subjectType: 'organization',
        subjectId: actor.organizationId,
        data: hold ? { reason } : { reason, heldSince: since!.toISOString() },
      });
      return {
        onHold: hold,
        since: organization.legalHoldSince,
        reason: organization.legalHoldReason,
      };
    });
  }
}
