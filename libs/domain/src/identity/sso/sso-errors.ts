import { DomainError, DomainErrorCode } from '../../common/domain-error';

/** A sign-in through the provider that cannot go on; the message is shown on the login page. */
export class SsoLoginError extends DomainError {
  constructor(message: string) {
    super(DomainErrorCode.InvalidCredentials, message);
  }
}

export class PasswordLoginDisabledError extends DomainError {
  constructor(slug: string) {
    super(
      DomainErrorCode.Forbidden,
      'your organization signs in with single sign-on: use "Sign in with SSO"',
      undefined,
      { sso: slug },
    );
  }
}
