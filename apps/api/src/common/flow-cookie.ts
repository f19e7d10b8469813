import type { Request, Response } from 'express';

const TTL_SECONDS = 600;

/** A browser-bound redirect flow (channel connection, SSO sign-in): its cookie name and path. */
export interface FlowCookie {
  name: string;
  path: string;
}

/** The cookie that ties a redirect flow to the browser that started it (read back by the callback). */
export function setFlowCookie(
  response: Response,
  cookie: FlowCookie,
  value: string,
  secure: boolean,
): void {
  response.cookie(cookie.name, value, {
    httpOnly: true,
    // Lax: sent on the provider's top-level redirect back to us, not on cross-site requests.
    sameSite: 'lax',
    secure,
    path: cookie.path,
    maxAge: TTL_SECONDS * 1000,
  });
}

export function takeFlowCookie(
  request: Request,
  response: Response,
  cookie: FlowCookie,
): string | undefined {
  response.clearCookie(cookie.name, { path: cookie.path });
  for (const pair of (request.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = pair.trim().split('=');
    if (key === cookie.name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}
