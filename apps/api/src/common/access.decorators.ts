import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Actor, Permission, ReadVersions } from '@rounds/domain';

export const IS_PUBLIC = 'rounds:public';
export const REQUIRED_PERMISSION = 'rounds:permission';

/** The route needs no session (sign-up, login, OAuth callbacks, health). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** The permission a route needs; every non-public route declares one (tested by the role matrix). */
export const Requires = (permission: Permission) => SetMetadata(REQUIRED_PERMISSION, permission);

/** Any signed-in user, whatever the role (their own profile, notifications). */
export const ANY_ROLE = 'any-role';
export const AnyRole = () => SetMetadata(REQUIRED_PERMISSION, ANY_ROLE);

export const ALLOWED_BEFORE_MFA = 'rounds:allowed-before-mfa';
/** Open to a session whose MFA grace period is over (it may only see itself and enrol). */
export const AllowedBeforeMfa = () => SetMetadata(ALLOWED_BEFORE_MFA, true);

export interface AuthenticatedRequest {
  actor: Actor;
  /** The organization's read versions, read with the session (read-cache.ts keys on them). */
  readVersions: ReadVersions;
}

export const CurrentActor = createParamDecorator(
  (_: unknown, context: ExecutionContext): Actor =>
    context.switchToHttp().getRequest<AuthenticatedRequest>().actor,
);
