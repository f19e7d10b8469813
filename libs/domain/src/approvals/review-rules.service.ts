import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Actor } from '../identity/actor';
import { RoleGrantsService } from '../identity/role-grants.service';
import { ApprovalOutcome, assessApproval, UnderReview } from './approval-rules';
import type { FindingOverride } from './approval.entity';

/** One set of approval rules for posts and replies alike, over `{authors, findings, policy}`. */
@Injectable()
export class ReviewRules {
  constructor(private readonly roleGrants: RoleGrantsService) {}

  /**
   * Refuses an approval that breaks a rule (own work, a role given by an author within the
   * cool-down, a second approval by the same officer, a block finding left open); else says what
   * is kept and whether the policy is met.
   */
  async approval(
    tx: EntityManager,
    actor: Actor,
    subject: UnderReview,
    overrides: FindingOverride[],
    what: string,
  ): Promise<ApprovalOutcome> {
    const outcome = assessApproval(actor, subject, overrides, what);
    await this.roleGrants.assertMayApproveWorkOf(tx, actor, [...subject.authors]);
    return outcome;
  }
}
