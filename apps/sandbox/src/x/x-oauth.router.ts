import { createHash } from 'node:crypto';
import express, { type Request, type Response, Router } from 'express';
import { findXEndpoint, type XEndpoint } from './x-endpoints';
import { sendOAuthError } from './x-problems';
import { takeRateLimit } from './x-rate-limiter';
import type { XStore } from './x-store';

const ACCESS_TOKEN_SECONDS = 7200;
const CODE_SECONDS = 30;
const KNOWN_SCOPES = new Set(
  'tweet.read tweet.write tweet.moderate.write users.email users.read follows.read follows.write offline.access space.read mute.read mute.write like.read like.write list.read list.write block.read block.write bookmark.read bookmark.write media.write dm.read dm.write'.split(
    ' ',
  ),
);
const TOKEN_ENDPOINT = findXEndpoint('POST', '/2/oauth2/token') as XEndpoint;
const REVOKE_ENDPOINT = findXEndpoint('POST', '/2/oauth2/revoke') as XEndpoint;

type Params = Record<string, unknown>;
const str = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

/** X's OAuth 2.0 authorization server: an auto-approving consent page, token and revoke endpoints. */
export function createXOAuthRouter(store: XStore, now: () => Date): Router {
  const router = Router();
  router.get('/i/oauth2/authorize', (req, res) => authorize(store, now, req, res));
  const form = express.urlencoded({ extended: false });
  router.post('/2/oauth2/token', form, (req, res) => token(store, now, req, res));
  router.post('/2/oauth2/revoke', form, (req, res) => revoke(store, now, req, res));
  return router;
}

function authorize(store: XStore, now: () => Date, req: Request, res: Response) {
  const q = req.query as Params;
  const invalid = checkAuthorizeQuery(q);
  if (invalid) return sendOAuthError(res, 400, 'invalid_request', invalid);
  const chosen = str(q.sandbox_account);
  const account = chosen ? store.findAccount(chosen) : newManagedAccount(store);
  if (!account) return sendOAuthError(res, 400, 'invalid_request', `No account ${chosen}`);
  const code = store.randomToken();
  store.authCodes.set(code, {
    code,
    clientId: q.client_id as string,
    redirectUri: q.redirect_uri as string,
    codeChallenge: q.code_challenge as string,
    scopes: (q.scope as string).split(/\s+/).filter(Boolean),
    accountId: account.id,
    expiresAt: new Date(now().getTime() + CODE_SECONDS * 1000),
  });
  const target = new URL(q.redirect_uri as string);
  target.searchParams.set('state', q.state as string);
  target.searchParams.set('code', code);
  res.redirect(302, target.toString());
}

function checkAuthorizeQuery(q: Params): string | undefined {
  if (str(q.response_type) !== 'code') return 'response_type must be code';
  if (!str(q.client_id)) return 'Missing client_id';
  if (!isHttpUrl(q.redirect_uri)) return 'redirect_uri must be an absolute http(s) URL';
  if (!str(q.state)) return 'Missing state';
  if (!str(q.code_challenge)) return 'Missing code_challenge';
  if (str(q.code_challenge_method)?.toUpperCase() !== 'S256') {
    return 'code_challenge_method must be S256';
  }
  const scopes = str(q.scope)?.split(/\s+/).filter(Boolean) ?? [];
  if (scopes.length === 0) return 'Missing scope';
  const unknown = scopes.filter((s) => !KNOWN_SCOPES.has(s));
  return unknown.length ? `Unknown scope: ${unknown.join(' ')}` : undefined;
}

function isHttpUrl(value: unknown): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(String(value)).protocol);
  } catch {
    return false;
  }
}

function newManagedAccount(store: XStore) {
  const n = store.accounts.size + 1;
  return store.addAccount({
    handle: `SandboxHospital${n}`,
    name: `Sandbox Hospital ${n}`,
    baseFollowers: 1_000 + n * 37,
    kind: 'managed',
  });
}

function token(store: XStore, now: () => Date, req: Request, res: Response) {
  const body = (req.body ?? {}) as Params;
  const clientId = clientIdOf(req, body);
  if (!clientId) {
    return sendOAuthError(res, 401, 'unauthorized_client', 'Missing valid authorization header');
  }
  if (!takeRateLimit(store, TOKEN_ENDPOINT, `client:${clientId}`, now(), res)) return;
  switch (body.grant_type) {
    case 'authorization_code':
      return exchangeCode(store, now, clientId, body, res);
    case 'refresh_token':
      return refresh(store, now, clientId, body, res);
    default:
      return sendOAuthError(res, 400, 'unsupported_grant_type', 'grant_type not supported');
  }
}

/** RFC 7009: the named access or refresh token stops working; unknown tokens are not an error. */
function revoke(store: XStore, now: () => Date, req: Request, res: Response) {
  const body = (req.body ?? {}) as Params;
  const clientId = clientIdOf(req, body);
  if (!clientId) {
    return sendOAuthError(res, 401, 'unauthorized_client', 'Missing valid authorization header');
  }
  if (!takeRateLimit(store, REVOKE_ENDPOINT, `client:${clientId}`, now(), res)) return;
  const presented = str(body.token) ?? '';
  const stored = store.accessTokens.get(presented) ?? store.refreshTokens.get(presented);
  if (stored) stored.revoked = true;
  res.json({ revoked: true });
}

/** Basic auth (confidential client) or `client_id` in the body (public client). */
function clientIdOf(req: Request, body: Params): string | undefined {
  const basic = /^Basic\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
  if (basic) {
    const [id] = Buffer.from(basic, 'base64').toString().split(':');
    return str(decodeURIComponent(id));
  }
  return str(body.client_id);
}

function exchangeCode(
  store: XStore,
  now: () => Date,
  clientId: string,
  body: Params,
  res: Response,
) {
  const code = str(body.code);
  const grant = code ? store.authCodes.get(code) : undefined;
  // Single use: a code is spent by any attempt, as RFC 6749 §4.1.2 asks.
  if (code) store.authCodes.delete(code);
  if (!grant || grant.expiresAt <= now() || grant.clientId !== clientId) {
    return sendOAuthError(
      res,
      400,
      'invalid_request',
      'Value passed for the authorization code was invalid.',
    );
  }
  if (str(body.redirect_uri) !== grant.redirectUri) {
    return sendOAuthError(
      res,
      400,
      'invalid_request',
      'Value passed for the redirect uri did not match the uri of the authorization code.',
    );
  }
  const verifier = str(body.code_verifier) ?? '';
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  if (challenge !== grant.codeChallenge) {
    return sendOAuthError(
      res,
      400,
      'invalid_request',
      'Value passed for the code verifier was invalid.',
    );
  }
  res.json(issueTokens(store, now, grant.accountId, grant.scopes, clientId));
}

function refresh(store: XStore, now: () => Date, clientId: string, body: Params, res: Response) {
  const presented = str(body.refresh_token);
  const stored = presented ? store.refreshTokens.get(presented) : undefined;
  if (stored?.revoked) {
    return sendOAuthError(res, 400, 'invalid_grant', 'The refresh token has been revoked.');
  }
  if (!stored || stored.used || (stored.clientId && stored.clientId !== clientId)) {
    return sendOAuthError(res, 400, 'invalid_request', 'Value passed for the token was invalid.');
  }
  stored.used = true;
  res.json(issueTokens(store, now, stored.accountId, stored.scopes, clientId));
}

function issueTokens(
  store: XStore,
  now: () => Date,
  accountId: string,
  scopes: string[],
  clientId: string,
) {
  const accessToken = store.randomToken();
  store.accessTokens.set(accessToken, {
    token: accessToken,
    accountId,
    scopes,
    expiresAt: new Date(now().getTime() + ACCESS_TOKEN_SECONDS * 1000),
    revoked: false,
  });
  const answer: Record<string, unknown> = {
    token_type: 'bearer',
    expires_in: ACCESS_TOKEN_SECONDS,
    access_token: accessToken,
    scope: scopes.join(' '),
  };
  if (scopes.includes('offline.access')) {
    const refreshToken = store.randomToken();
    store.refreshTokens.set(refreshToken, {
      token: refreshToken,
      accountId,
      scopes,
      clientId,
      used: false,
      revoked: false,
    });
    answer.refresh_token = refreshToken;
  }
  return answer;
}
