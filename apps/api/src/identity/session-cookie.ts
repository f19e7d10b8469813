import type { Request, Response } from 'express';
import type { AppConfig } from '@rounds/config';
import type { TokenPair } from '@rounds/domain';
import type { SessionMode, TokenPairDto } from './dto/auth.dto';

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

/** Token mode answers both tokens; cookie mode (the dashboard) keeps the refresh token in the cookie. */
export function answerSession(
  response: Response,
  pair: TokenPair,
  mode: SessionMode = 'token',
  config: AppConfig,
): TokenPairDto {
  if (mode === 'token') return pair;
  setRefreshCookie(response, pair.refreshToken, config.SESSION_MAX_HOURS * 3_600_000);
  return { accessToken: pair.accessToken };
}
