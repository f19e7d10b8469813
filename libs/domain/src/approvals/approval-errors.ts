import { DomainError, DomainErrorCode } from '../common/domain-error';

/** Separation of duties: whoever wrote a revision cannot approve it, whatever their role. */
export class ApprovalBySelfError extends DomainError {
  constructor() {
    super(
      DomainErrorCode.Forbidden,
      'you authored or last edited this post; another compliance officer must approve it',
    );
  }
}

/** Block findings that no approver has overridden with a justification. */
export class UnresolvedFindingsError extends DomainError {
  constructor(findings: { id: string; kind: string; field: string }[]) {
    super(
      DomainErrorCode.PreconditionFailed,
      `${findings.length} blocking finding(s) need an override with a justification: ${findings
        .map((f) => `${f.kind} in ${f.field} (${f.id})`)
        .join(', ')}`,
      'overrides',
      { findingIds: findings.map((f) => f.id) },
    );
  }
}
