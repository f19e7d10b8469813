import { createHash } from 'node:crypto';
import express, { Request, Response, Router } from 'express';
import { GOOGLE_DEMO_ACCOUNTS } from './google-demo-accounts';
import { GoogleAccount, GoogleState, randomId } from './google-state';

const ACCESS_TOKEN_SECONDS = 3599;
const CODE_SECONDS = 600;

class OAuthError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    description: string,
  ) {
    super(description);
  }
}

const param = (source: Record<string, unknown>, name: string) => {
  const value = source[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
};

/** Google's consent page (approves at once) and token endpoint, at GOOGLE_AUTHORIZE_URL / GOOGLE_TOKEN_URL. */
export function createGoogleOAuthRouter(state: GoogleState): Router {
  const router = Router();

  router.get('/google/o/oauth2/v2/auth', (req, res) => {
    const query = req.query as Record<string, unknown>;
    const missing = ['client_id', 'redirect_uri', 'response_type', 'scope'].find(
      (name) => !param(query, name),
    );
    if (missing) {
      return consentError(res, 'invalid_request', `Missing required parameter: ${missing}`);
    }
    if (!URL.canParse(String(query.redirect_uri))) {
      return consentError(res, 'invalid_request', 'Invalid parameter value for redirect_uri');
    }
    if (query.response_type !== 'code') {
      return consentError(
        res,
        'unsupported_response_type',
        `Invalid response_type: ${query.response_type}`,
      );
    }
    const account = accountFor(state, param(query, 'login_hint'));
    const clientId = String(query.client_id);
    const consentKey = `${account.channelId}|${clientId}`;
    const offline = query.access_type === 'offline';
    const code = `4/sandbox-${randomId(24)}`;
    const scopes = String(query.scope).split(/\s+/).filter(Boolean);
    state.codes.set(code, {
      channelId: account.channelId,
      clientId,
      redirectUri: String(query.redirect_uri),
      scopes,
      issueRefreshToken: offline && (query.prompt === 'consent' || !state.consents.has(consentKey)),
      expiresAt: new Date(state.now().getTime() + CODE_SECONDS * 1000),
    });
    state.consents.add(consentKey);
    const target = new URL(String(query.redirect_uri));
    if (param(query, 'state')) target.searchParams.set('state', String(query.state));
    target.searchParams.set('code', code);
    target.searchParams.set('scope', scopes.join(' '));
    res.redirect(302, target.toString());
  });

  router.post(
    '/google/token',
    express.urlencoded({ extended: false }),
    express.json(),
    (req: Request, res: Response) => {
      try {
        const body = (req.body ?? {}) as Record<string, unknown>;
        const clientId = clientOf(req, body);
        res.setHeader('Cache-Control', 'no-cache, no-store, max-age=0, must-revalidate');
        res.json(grant(state, body, clientId));
      } catch (err) {
        if (!(err instanceof OAuthError)) throw err;
        res.status(err.status).json({ error: err.error, error_description: err.message });
      }
    },
  );

  return router;
}

function grant(state: GoogleState, body: Record<string, unknown>, clientId: string) {
  switch (body.grant_type) {
    case 'authorization_code':
      return exchangeCode(state, body, clientId);
    case 'refresh_token':
      return refresh(state, body, clientId);
    default:
      throw new OAuthError(
        400,
        'unsupported_grant_type',
        `Invalid grant_type: ${body.grant_type ?? ''}`,
      );
  }
}

function exchangeCode(state: GoogleState, body: Record<string, unknown>, clientId: string) {
  const code = state.codes.get(String(body.code ?? ''));
  if (!code || code.expiresAt <= state.now() || code.clientId !== clientId) {
    throw new OAuthError(400, 'invalid_grant', code ? 'Bad Request' : 'Malformed auth code.');
  }
  if (code.redirectUri !== body.redirect_uri) {
    throw new OAuthError(400, 'redirect_uri_mismatch', 'Bad Request');
  }
  state.codes.delete(String(body.code));
  const tokens = issueAccessToken(state, code.channelId, clientId, code.scopes);
  if (!code.issueRefreshToken) return tokens;
  const refreshToken = `1//sandbox-${randomId(32)}`;
  state.refreshTokens.set(refreshToken, {
    channelId: code.channelId,
    clientId,
    scopes: code.scopes,
  });
  return { ...tokens, refresh_token: refreshToken };
}

function refresh(state: GoogleState, body: Record<string, unknown>, clientId: string) {
  const refreshGrant = state.refreshTokens.get(String(body.refresh_token ?? ''));
  if (!refreshGrant || !state.accounts.has(refreshGrant.channelId)) {
    throw new OAuthError(400, 'invalid_grant', 'Token has been expired or revoked.');
  }
  if (refreshGrant.clientId !== undefined && refreshGrant.clientId !== clientId) {
    throw new OAuthError(401, 'unauthorized_client', 'Unauthorized');
  }
  return issueAccessToken(state, refreshGrant.channelId, clientId, refreshGrant.scopes);
}

function issueAccessToken(
  state: GoogleState,
  channelId: string,
  clientId: string,
  scopes: string[],
) {
  const accessToken = `ya29.sandbox-${randomId(32)}`;
  const expiresAt = new Date(state.now().getTime() + ACCESS_TOKEN_SECONDS * 1000);
  state.accessTokens.set(accessToken, { channelId, clientId, scopes, expiresAt });
  state.quota.register(clientId);
  return {
    access_token: accessToken,
    expires_in: ACCESS_TOKEN_SECONDS,
    scope: scopes.join(' '),
    token_type: 'Bearer',
  };
}

/** The client id from the form (client_secret_post) or Basic auth; any secret is accepted, but one is required. */
function clientOf(req: Request, body: Record<string, unknown>): string {
  const basic = /^Basic (.+)$/i.exec(req.headers.authorization ?? '');
  const [basicId, basicSecret] = basic ? Buffer.from(basic[1], 'base64').toString().split(':') : [];
  const clientId = param(body, 'client_id') ?? basicId;
  if (!clientId) {
    throw new OAuthError(400, 'invalid_request', 'Could not determine client ID from request.');
  }
  if (!param(body, 'client_secret') && !basicSecret) {
    throw new OAuthError(400, 'invalid_request', 'client_secret is missing.');
  }
  return clientId;
}

/** The signed-in Google user: the account named by login_hint (created on first use), else demo account 1. */
function accountFor(state: GoogleState, loginHint?: string): GoogleAccount {
  const key = loginHint ?? GOOGLE_DEMO_ACCOUNTS[0].channelId;
  return state.findAccount(key) ?? newAccount(state, key);
}

function newAccount(state: GoogleState, email: string): GoogleAccount {
  const name = email.split('@')[0];
  const digest = createHash('sha256').update(email).digest('base64url');
  const account = {
    channelId: `UC${digest.slice(0, 22)}`,
    title: name,
    handle: `@${name.toLowerCase().replace(/[^a-z0-9._-]/g, '')}`,
    email,
    description: '',
    subscribers: 100,
    createdAt: state.now(),
  };
  state.accounts.set(account.channelId, account);
  return account;
}

function consentError(res: Response, error: string, description: string): void {
  const text = description.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);
  res.status(400).type('html').send(`<!doctype html><h1>Error 400: ${error}</h1><p>${text}</p>`);
}
