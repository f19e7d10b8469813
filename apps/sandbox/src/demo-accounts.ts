/**
 * X accounts that exist from the moment the sandbox boots, with tokens that stay valid until it
 * restarts: the API's seed script connects channels with them. YouTube demo accounts live in
 * `google/google-demo-accounts.ts`.
 */
export interface XDemoAccount {
  id: string;
  handle: string;
  name: string;
  accessToken: string;
  refreshToken: string;
  followers: number;
}

export const X_DEMO_ACCOUNTS: readonly XDemoAccount[] = [
  {
    id: '1710000000000000001',
    handle: 'StMarysHealth',
    name: "St. Mary's Health",
    accessToken: 'sandbox-x-demo-1-access',
    refreshToken: 'sandbox-x-demo-1-refresh',
    followers: 18_240,
  },
  {
    id: '1710000000000000002',
    handle: 'LakesideMedCtr',
    name: 'Lakeside Medical Center',
    accessToken: 'sandbox-x-demo-2-access',
    refreshToken: 'sandbox-x-demo-2-refresh',
    followers: 6_315,
  },
];

/** Every scope the demo tokens carry: what Rounds asks for when it connects an X account. */
export const X_DEMO_SCOPES = [
  'tweet.read',
  'tweet.write',
  'users.read',
  'offline.access',
  'media.write',
];
