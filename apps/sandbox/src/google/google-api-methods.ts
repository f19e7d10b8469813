const scope = (name: string) => `https://www.googleapis.com/auth/${name}`;
const READ = [scope('youtube'), scope('youtube.readonly'), scope('youtube.force-ssl')];
const MANAGE = [scope('youtube'), scope('youtube.force-ssl')];

/**
 * What each YouTube Data API method costs in quota units and which scopes allow it: the one
 * table the fake charges from (costs from Google's quota calculator, videos.insert at 1600).
 */
export const GOOGLE_API_METHODS = {
  'videos.insert': { cost: 1600, scopes: [...MANAGE, scope('youtube.upload')] },
  'videos.list': { cost: 1, scopes: READ },
  'videos.update': { cost: 50, scopes: MANAGE },
  'videos.delete': { cost: 50, scopes: MANAGE },
  'thumbnails.set': { cost: 50, scopes: [...MANAGE, scope('youtube.upload')] },
  'captions.insert': { cost: 400, scopes: [scope('youtube.force-ssl')] },
  'channels.list': { cost: 1, scopes: READ },
  'playlistItems.list': { cost: 1, scopes: READ },
  'commentThreads.list': { cost: 1, scopes: READ },
  'commentThreads.insert': { cost: 50, scopes: [scope('youtube.force-ssl')] },
  'comments.list': { cost: 1, scopes: READ },
  'comments.insert': { cost: 50, scopes: [scope('youtube.force-ssl')] },
} as const satisfies Record<string, { cost: number; scopes: readonly string[] }>;

export type GoogleApiMethod = keyof typeof GOOGLE_API_METHODS;

export const DEFAULT_DAILY_QUOTA = 10_000;
