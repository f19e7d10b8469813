import request from 'supertest';
import type { Session } from './identity.factory';

export type Platform = 'x' | 'youtube';

/** The admin's browser in the middle of connecting: the consent page it was sent to, and its cookie. */
export interface StartedConnection {
  authorizeUrl: string;
  cookie: string;
}

export async function startConnection(
  apiUrl: string,
  admin: Session,
  platform: Platform,
): Promise<StartedConnection> {
  const response = await request(apiUrl)
    .post(`/api/v1/channels/${platform}/connect`)
    .auth(admin.accessToken, { type: 'bearer' })
    .expect(201);
  const cookie = ([] as string[]).concat(response.headers['set-cookie'] ?? [])[0]?.split(';')[0];
  return { authorizeUrl: response.body.authorizeUrl, cookie: cookie ?? '' };
}

/** The platform's consent page (the sandbox approves at once): where it sends the browser back. */
export async function consent(authorizeUrl: string, account?: string): Promise<string> {
  const url = new URL(authorizeUrl);
  // The sandbox signs in as the named account; by default X makes a new one, Google uses demo 1.
  if (account)
    url.searchParams.set(
      url.pathname.includes('google') ? 'login_hint' : 'sandbox_account',
      account,
    );
  const response = await fetch(url, { redirect: 'manual' });
  const location = response.headers.get('location');
  if (response.status !== 302 || !location) {
    throw new Error(`consent: ${response.status} ${await response.text()}`);
  }
  return location;
}

/**
 * The browser follows the platform's redirect to Rounds (at `apiUrl`: PUBLIC_URL may name a proxy
 * in front of it), which answers with the dashboard page.
 */
export async function followCallback(apiUrl: string, callbackUrl: string, cookie: string) {
  const callback = new URL(callbackUrl);
  const response = await fetch(`${apiUrl}${callback.pathname}${callback.search}`, {
    redirect: 'manual',
    headers: { cookie },
  });
  const landing = new URL(response.headers.get('location') ?? '', apiUrl);
  return {
    status: response.status,
    path: landing.pathname,
    connected: landing.searchParams.get('connected'),
    error: landing.searchParams.get('error'),
  };
}

/** Connects a channel the way an admin does: connect, consent, callback. Returns its id. */
export async function connectThroughOAuth(
  apiUrl: string,
  admin: Session,
  platform: Platform,
  account?: string,
): Promise<string> {
  const started = await startConnection(apiUrl, admin, platform);
  const callback = await consent(started.authorizeUrl, account);
  const landing = await followCallback(apiUrl, callback, started.cookie);
  if (!landing.connected) throw new Error(`connect ${platform}: ${landing.error}`);
  return landing.connected;
}

export interface ChannelBody {
  id: string;
  platform: Platform;
  externalAccountId: string;
  handle: string;
  displayName: string;
  status: string;
  statusReason: string | null;
  scopes: string[];
  rateLimitedUntil: string | null;
}

export async function listChannels(apiUrl: string, session: Session, query = '') {
  const response = await request(apiUrl)
    .get(`/api/v1/channels${query}`)
    .auth(session.accessToken, { type: 'bearer' })
    .expect(200);
  return response.body as ChannelBody[];
}
