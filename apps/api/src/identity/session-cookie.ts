import type { Request, Response } from 'express';

/** Only the refresh route ever receives it: no other request carries the refresh token. */
export const REFRESH_COOKIE_PATH = '/api/v1/auth/refresh';
const NAME = 'rounds_refresh';

/** HttpOnly so no script (injected or not) can read it; Strict so no other site can send it. */
export function setRefreshCookie(response: Response, refreshToken: string, maxAgeMs: number): void {
  response.cookie(NAME, refreshToken, {
    httpOnly: true,
    secure: true,
    sameSite: 'strict',
    path: REFRESH_COOKIE_PATH,
    maxAge: maxAgeMs,
  });
}

export function clearRefreshCookie(response: Response): void {
  response.clearCookie(NAME, {
    httpOnly: true,
    secure: true,
    sameSite: 'strict',
    path: REFRESH_COOKIE_PATH,
  });
}

export function readRefreshCookie(request: Request): string | undefined {
  for (const pair of (request.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = pair.trim().split('=');
    if (key === NAME) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}
