/** Every kind of event on the audit trail. */
export enum AuditAction {
  OrganizationCreated = 'organization.created',
  OrganizationPaused = 'organization.paused',
  OrganizationResumed = 'organization.resumed',
  UserSignedUp = 'user.signed_up',
  UserCreated = 'user.created',
  UserRoleChanged = 'user.role_changed',
  UserDisabled = 'user.disabled',
  LoginSucceeded = 'auth.login',
  LoginFailed = 'auth.login_failed',
  RefreshTokenReused = 'auth.refresh_token_reused',
}

export const GENESIS_HASH = '0'.repeat(64);
