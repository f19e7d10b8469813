/** Every rule a request can break, mapped to HTTP in one place (apps/api's exception filter). */
export enum DomainErrorCode {
  NotFound = 'not_found',
  Conflict = 'conflict',
  InvalidInput = 'invalid_input',
  InvalidCredentials = 'invalid_credentials',
  TokenInvalid = 'token_invalid',
  Forbidden = 'forbidden',
  InvalidTransition = 'invalid_transition',
  PreconditionFailed = 'precondition_failed',
  RateLimited = 'rate_limited',
  PayloadTooLarge = 'payload_too_large',
}

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** The request field the error is about, when there is one. */
    readonly field?: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string) {
    super(DomainErrorCode.NotFound, `${what} not found`);
  }
}

export class ConflictError extends DomainError {
  constructor(message: string, field?: string) {
    super(DomainErrorCode.Conflict, message, field);
  }
}

export class InvalidInputError extends DomainError {
  constructor(field: string, message: string) {
    super(DomainErrorCode.InvalidInput, message, field);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message: string) {
    super(DomainErrorCode.Forbidden, message);
  }
}
