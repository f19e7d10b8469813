import request from 'supertest';
import type { Session } from './identity.factory';
import { as } from './posts.factory';

export const BROWSER =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15';

export interface Reservation {
  code: string;
  shortUrl: string;
  url: string;
}

/** A short link for `url`, as the composer's "Track" asks for it. */
export async function reserveLink(apiUrl: string, session: Session, url: string) {
  const response = await as(apiUrl, session).post('/links', { url });
  if (response.status !== 201) throw new Error(`reserve: ${response.status} ${response.text}`);
  return response.body as Reservation;
}

/** One visit of a short link, as a browser (or the agent given) makes it; redirects not followed. */
export function visit(
  apiUrl: string,
  code: string,
  userAgent: string | null = BROWSER,
  method: 'get' | 'head' = 'get',
) {
  const test = request(apiUrl)[method](`/l/${code}`).redirects(0);
  return userAgent === null ? test.unset('User-Agent') : test.set('User-Agent', userAgent);
}
