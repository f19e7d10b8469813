import { DomainError, DomainErrorCode } from '../../common/domain-error';

export class MfaCodeInvalidError extends DomainError {
  constructor() {
    super(DomainErrorCode.InvalidCredentials, 'the code is incorrect or was already used', 'code');
  }
}

export class MfaLockedError extends DomainError {
  constructor(until: Date) {
    super(DomainErrorCode.RateLimited, 'too many wrong codes; try again later', 'code', {
      retryAfter: until.toISOString(),
    });
  }
}

/** The grace period is over: the session may only enrol (the dashboard opens the enrolment). */
export class MfaEnrolmentRequiredError extends DomainError {
  constructor() {
    super(
      DomainErrorCode.Forbidden,
      'your organization requires multi-factor authentication: enrol first',
      undefined,
      { mfaEnrolmentRequired: true },
    );
  }
}
