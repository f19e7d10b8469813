import type { Request, RequestHandler, Response } from 'express';
import { GOOGLE_API_METHODS, GoogleApiMethod } from './google-api-methods';
import { GoogleApiError, googleErrors } from './google-api-error';
import { GoogleAccount, GoogleState } from './google-state';

export interface Caller {
  account: GoogleAccount;
  clientId: string;
}

type ApiHandler = (req: Request, res: Response, caller: Caller) => unknown;

/** Wraps a YouTube Data API method the way Google serves it: bearer token, then scopes, then quota. */
export function apiCall(
  state: GoogleState,
  method: GoogleApiMethod,
  handler: ApiHandler,
): RequestHandler {
  return async (req, res) => {
    const caller = authenticate(state, req);
    const allowed: readonly string[] = GOOGLE_API_METHODS[method].scopes;
    if (!caller.scopes.some((scope) => allowed.includes(scope))) {
      throw googleErrors.insufficientScopes();
    }
    if (!state.quota.charge(caller.clientId, method)) throw googleErrors.quotaExceeded();
    await handler(req, res, caller);
  };
}

function authenticate(state: GoogleState, req: Request): Caller & { scopes: string[] } {
  const bearer = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '');
  if (!bearer) throw googleErrors.missingCredentials();
  const grant = state.accessTokens.get(bearer[1]);
  const account = grant && state.accounts.get(grant.channelId);
  if (!grant || !account || (grant.expiresAt && grant.expiresAt <= state.now())) {
    throw googleErrors.invalidCredentials();
  }
  return { account, clientId: grant.clientId, scopes: grant.scopes };
}

/** A query parameter given as repeated keys (`id=a&id=b`, as googleapis sends) or comma-joined. */
export function listParam(req: Request, name: string): string[] {
  const value = (req.query as Record<string, unknown>)[name];
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return values
    .flatMap((v) => String(v).split(','))
    .map((v) => v.trim())
    .filter(Boolean);
}

export function optionalParam(req: Request, name: string): string | undefined {
  return listParam(req, name)[0];
}

export function requiredParam(req: Request, name: string): string {
  const value = optionalParam(req, name);
  if (value === undefined) throw googleErrors.missingParameter(name);
  return value;
}

/** The `part` parameter, checked against the parts the resource has. */
export function partsParam(req: Request, known: readonly string[]): Set<string> {
  const parts = listParam(req, 'part');
  if (parts.length === 0) throw googleErrors.missingParameter('part');
  const unknown = parts.find((part) => !known.includes(part));
  if (unknown) {
    throw new GoogleApiError(400, 'unknownPart', `'${unknown}'`, {
      domain: 'youtube.part',
      location: 'part',
      locationType: 'parameter',
    });
  }
  return new Set(parts);
}

/** The integer `maxResults` within Google's bounds for the method. */
export function maxResultsParam(req: Request, fallback: number, max: number): number {
  const raw = optionalParam(req, 'maxResults');
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new GoogleApiError(
      400,
      'invalidValue',
      `Invalid value '${raw}'. Values must be within the range: [0, ${max}]`,
      {
        location: 'maxResults',
        locationType: 'parameter',
      },
    );
  }
  return value;
}

/** Offset pagination with opaque tokens, as Google's list methods page. */
export function paginate<T>(req: Request, items: T[], pageSize: number) {
  const token = optionalParam(req, 'pageToken');
  const offset = token === undefined ? 0 : Number(Buffer.from(token, 'base64url').toString());
  if (!Number.isInteger(offset) || offset < 0 || offset > items.length) {
    throw googleErrors.badRequest(
      'invalidPageToken',
      'The request specifies an invalid page token.',
      'youtube.parameter',
      'pageToken',
    );
  }
  const end = offset + pageSize;
  return {
    page: items.slice(offset, end),
    nextPageToken: end < items.length ? Buffer.from(String(end)).toString('base64url') : undefined,
    pageInfo: { totalResults: items.length, resultsPerPage: pageSize },
  };
}
