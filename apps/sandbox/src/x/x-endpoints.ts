/**
 * Every X endpoint the sandbox serves, with its 15-minute per-user rate limit and the OAuth 2.0
 * scopes it needs. Limits follow X's published per-user figures where they exist and stay at least
 * 20 per window so a 10,000-post benchmark over 500 accounts never hits them by accident.
 */
export interface XEndpoint {
  method: string;
  path: string;
  limit: number;
  scopes: string[];
}

export const X_RATE_WINDOW_MS = 15 * 60 * 1000;

export const X_ENDPOINTS: XEndpoint[] = [
  { method: 'POST', path: '/2/oauth2/token', limit: 10_000, scopes: [] },
  { method: 'POST', path: '/2/oauth2/revoke', limit: 10_000, scopes: [] },
  { method: 'GET', path: '/2/users/me', limit: 75, scopes: ['users.read', 'tweet.read'] },
  { method: 'POST', path: '/2/tweets', limit: 100, scopes: ['tweet.write', 'tweet.read'] },
  { method: 'DELETE', path: '/2/tweets/:id', limit: 50, scopes: ['tweet.write', 'tweet.read'] },
  { method: 'GET', path: '/2/tweets', limit: 900, scopes: ['tweet.read', 'users.read'] },
  { method: 'GET', path: '/2/tweets/:id', limit: 900, scopes: ['tweet.read', 'users.read'] },
  { method: 'GET', path: '/2/users/:id/tweets', limit: 900, scopes: ['tweet.read', 'users.read'] },
  {
    method: 'GET',
    path: '/2/users/:id/mentions',
    limit: 300,
    scopes: ['tweet.read', 'users.read'],
  },
  { method: 'POST', path: '/2/media/upload/initialize', limit: 500, scopes: ['media.write'] },
  { method: 'POST', path: '/2/media/upload/:id/append', limit: 10_000, scopes: ['media.write'] },
  { method: 'POST', path: '/2/media/upload/:id/finalize', limit: 500, scopes: ['media.write'] },
  { method: 'GET', path: '/2/media/upload', limit: 1_000, scopes: ['media.write'] },
  { method: 'POST', path: '/2/media/metadata', limit: 500, scopes: ['media.write'] },
];

const compiled = X_ENDPOINTS.map((endpoint) => ({
  endpoint,
  pattern: new RegExp(`^${endpoint.path.replace(/:[a-z_]+/g, '[^/]+')}/?$`),
}));

export function findXEndpoint(method: string, path: string): XEndpoint | undefined {
  const upper = method.toUpperCase();
  return compiled.find((c) => c.endpoint.method === upper && c.pattern.test(path))?.endpoint;
}
