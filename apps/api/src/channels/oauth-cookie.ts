import type { Request, Response } from 'express';
import type { ChannelPlatform } from '@rounds/domain';

const PATH = '/api/v1/channels';
const TTL_SECONDS = 600;

/** The cookie that ties a connection to the browser that started it (read back by the callback). */
const name = (platform: ChannelPlatform) => `rounds_oauth_${platform}`;

export function setConnectCookie(
  response: Response,
  platform: ChannelPlatform,
  value: string,
  secure: boolean,
): void {
  response.cookie(name(platform), value, {
    httpOnly: true,
    // Lax: sent on the platform's top-level redirect back to us, not on cross-site requests.
    sameSite: 'lax',
    secure,
    path: PATH,
    maxAge: TTL_SECONDS * 1000,
  });
}

export function takeConnectCookie(
  request: Request,
  response: Response,
  platform: ChannelPlatform,
): string | undefined {
  response.clearCookie(name(platform), { path: PATH });
  for (const pair of (request.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = pair.trim().split('=');
    if (key === name(platform)) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}
