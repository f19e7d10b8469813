import request from 'supertest';
import type { Session } from './identity.factory';

/** Admin settings for an organization whose staff sign in through the sandbox's provider. */
export function ssoSettings(issuer: string, client: { clientId: string; clientSecret: string }) {
  return {
    slug: `org-${Math.random().toString(36).slice(2, 10)}`,
    issuer,
    clientId: client.clientId,
    clientSecret: client.clientSecret,
    emailDomains: [] as string[],
    roleMapping: {
      'rounds-admins': 'admin',
      'rounds-compliance': 'compliance',
      'rounds-marketing': 'marketer',
      'rounds-executives': 'executive',
    },
    defaultRole: null,
    ssoOnly: false,
    enabled: true,
  };
}

export const putSso = (url: string, admin: Session, settings: object) =>
  request(url)
    .put('/api/v1/organization/sso')
    .auth(admin.accessToken, { type: 'bearer' })
    .send(settings);

/** POST /auth/sso/start: the provider's URL and the cookie binding the sign-in to this browser. */
export async function startSso(url: string, by: { email?: string; organization?: string }) {
  const response = await request(url).post('/api/v1/auth/sso/start').send(by).expect(200);
  const cookie = (response.headers['set-cookie'] as unknown as string[])[0].split(';')[0];
  return { authorizeUrl: response.body.authorizeUrl as string, cookie };
}

/**
 * A person at the provider's sign-in page (oidc-provider's own form): follows its redirects with
 * a cookie jar until it sends the browser back to Rounds; answers that callback URL.
 */
export async function signInAtProvider(authorizeUrl: string, login: string): Promise<URL> {
  const jar = new Map<string, string>();
  const cookies = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const remember = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...value] = pair.split('=');
      jar.set(name, value.join('='));
    }
  };
  let next = new URL(authorizeUrl);
  let form: URLSearchParams | undefined;
  for (let hop = 0; hop < 10; hop++) {
    const response = await fetch(next, {
      method: form ? 'POST' : 'GET',
      headers: {
        cookie: cookies(),
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body: form,
      redirect: 'manual',
    });
    remember(response);
    form = undefined;
    const location = response.headers.get('location');
    if (location) {
      next = new URL(location, next);
      if (next.pathname.endsWith('/api/v1/auth/sso/callback')) return next;
      continue;
    }
    const html = await response.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (!action || !html.includes('name="login"')) {
      throw new Error(
        `the provider showed no sign-in form (${response.status}): ${html.slice(0, 300)}`,
      );
    }
    next = new URL(action, next);
    form = new URLSearchParams({ prompt: 'login', login, password: 'any password' });
  }
  throw new Error('the provider never sent the browser back');
}

/** The browser arrives at Rounds' callback and is sent on to the dashboard's /login. */
export async function followSsoCallback(url: string, callback: URL, cookie?: string) {
  const call = request(url).get(callback.pathname + callback.search);
  const response = await (cookie ? call.set('Cookie', cookie) : call).expect(303);
  const landing = new URL(response.headers.location, url);
  return {
    path: landing.pathname,
    code: landing.searchParams.get('sso'),
    error: landing.searchParams.get('ssoError'),
  };
}

/** The whole round trip: start, provider, callback, and the hand-off code traded for tokens. */
export async function signInWithSso(url: string, email: string) {
  const started = await startSso(url, { email });
  const landing = await followSsoCallback(
    url,
    await signInAtProvider(started.authorizeUrl, email),
    started.cookie,
  );
  if (!landing.code) return { error: landing.error };
  const tokens = await request(url).post('/api/v1/auth/sso/token').send({ code: landing.code });
  return {
    tokens: tokens.body as { accessToken: string; refreshToken: string },
    code: landing.code,
  };
}
