import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import {
  can,
  ForbiddenError,
  MfaEnrolmentRequiredError,
  Permission,
  SessionChecks,
  TokenService,
} from '@rounds/domain';
import {
  ALLOWED_BEFORE_MFA,
  ANY_ROLE,
  AuthenticatedRequest,
  IS_PUBLIC,
  REQUIRED_PERMISSION,
} from './access.decorators';

/** Global: a bearer session on every route unless @Public(), and the route's @Requires permission. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly sessions: SessionChecks,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context.switchToHttp().getRequest<Request & AuthenticatedRequest>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) {
      throw new UnauthorizedException('a bearer access token is required');
    }
    const claims = this.tokens.verifyAccessToken(token);
    // Checked on every request, so deactivation and logout take effect before the token expires.
    const { role, sessionActive, readVersions } = await this.sessions.holderOf(claims);
    if (!role) throw new UnauthorizedException('the account is disabled or no longer exists');
    if (!sessionActive) throw new UnauthorizedException('the session has ended; sign in again');
    request.actor = {
      userId: claims.sub,
      organizationId: claims.org,
      role,
      sessionId: claims.sid,
    };
    request.readVersions = readVersions;
    if (
      claims.scope === 'mfa_enrolment' &&
      !this.reflector.getAllAndOverride<boolean>(ALLOWED_BEFORE_MFA, targets)
    ) {
      throw new MfaEnrolmentRequiredError();
    }

    const permission = this.reflector.getAllAndOverride<Permission | typeof ANY_ROLE>(
      REQUIRED_PERMISSION,
      targets,
    );
    if (!permission) throw new ForbiddenError('this route declares no permission');
    if (permission !== ANY_ROLE && !can(role, permission)) {
      throw new ForbiddenError(`the ${role} role may not do this (needs ${permission})`);
    }
    return true;
  }
}
