import createClient from 'openapi-fetch';
import { ApiError } from './api-error';
import { conditionalGet } from './conditional-get';
import type { paths } from './schema';
import { sessionStore } from './session-store';

/** Sign-up, login and refresh: no bearer token, no refresh on 401. */
export const publicApi = createClient<paths>();

let refreshing: Promise<boolean> | null = null;

/** The refresh token travels as the HttpOnly cookie the browser sends to the refresh path only. */
async function refreshTokens(): Promise<boolean> {
  const { data } = await publicApi.POST('/api/v1/auth/refresh', { body: {} });
  if (!data) {
    sessionStore.clear();
    return false;
  }
  sessionStore.store(data.accessToken);
  return true;
}

/** Concurrent 401s share one refresh: refresh tokens rotate, so a second call would be a reuse. */
export function refreshOnce(): Promise<boolean> {
  refreshing ??= refreshTokens().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

function withToken(request: Request): Request {
  const token = sessionStore.accessToken();
  if (token) request.headers.set('Authorization', `Bearer ${token}`);
  return request;
}

const send = (request: Request) => conditionalGet(withToken(request), fetch);

/** Adds the bearer token (and a GET's If-None-Match); on a 401 refreshes once and repeats it. */
export async function authorizedFetch(request: Request): Promise<Response> {
  const retry = request.clone();
  const response = await send(request);
  if (response.status !== 401 || sessionStore.status() !== 'signed-in') return response;
  if (!(await refreshOnce())) return response;
  return send(retry);
}

export const api = createClient<paths>({ fetch: authorizedFetch });

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The response body, or an ApiError carrying the API's message and field errors. */
export async function unwrap<T>(call: Promise<FetchResult<T>>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw ApiError.from(response, error);
  return data as T;
}
