import { DomainError, DomainErrorCode } from '../common/domain-error';

/** A status change the lifecycle table forbids, or one a concurrent request got to first. */
export class InvalidTransitionError extends DomainError {
  constructor(kind: string, from: string, to: string, reason?: string) {
    super(
      DomainErrorCode.InvalidTransition,
      reason
        ? `${reason} (cannot go from ${from} to ${to})`
        : `a ${kind} cannot go from ${from} to ${to}`,
      undefined,
      { kind, from, to },
    );
  }
}
