import type { RequestHandler, Response } from 'express';
import { findXEndpoint } from './x-endpoints';
import { sendXProblem } from './x-problems';
import { takeRateLimit } from './x-rate-limiter';
import type { XAccount, XAccessToken, XStore } from './x-store';

export interface XUserContext {
  account: XAccount;
  token: XAccessToken;
}

export function userContext(res: Response): XUserContext {
  return res.locals.x as XUserContext;
}

/**
 * OAuth 2.0 user context for every /2 call: a live bearer token (else 401), the endpoint's scopes
 * (else 403) and its per-user rate limit (else 429).
 */
export function xUserContextMiddleware(store: XStore, now: () => Date): RequestHandler {
  return (req, res, next) => {
    const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const token = bearer ? store.accessTokens.get(bearer) : undefined;
    const at = now();
    if (!token || token.revoked || (token.expiresAt && token.expiresAt <= at)) {
      return sendXProblem(res, 401);
    }
    const account = store.accounts.get(token.accountId) as XAccount;
    const endpoint = findXEndpoint(req.method, req.originalUrl.split('?')[0]);
    if (!endpoint) return next();
    if (!endpoint.scopes.every((scope) => token.scopes.includes(scope))) {
      return sendXProblem(res, 403, 'You are not permitted to perform this action.');
    }
    if (!takeRateLimit(store, endpoint, account.id, at, res)) return;
    res.locals.x = { account, token } satisfies XUserContext;
    next();
  };
}
