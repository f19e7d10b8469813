import { DomainError, DomainErrorCode } from '../common/domain-error';

export class InvalidCredentialsError extends DomainError {
  constructor() {
    super(DomainErrorCode.InvalidCredentials, 'email or password is incorrect');
  }
}

export class InvalidTokenError extends DomainError {
  constructor(message = 'token is invalid or expired') {
    super(DomainErrorCode.TokenInvalid, message);
  }
}
