/** A hospital YouTube channel that exists from boot, with tokens the API's seed stores as connected. */
export interface GoogleDemoAccount {
  channelId: string;
  title: string;
  /** The channel handle, as `snippet.customUrl` returns it. */
  handle: string;
  email: string;
  description: string;
  subscribers: number;
  /** Never expires until the sandbox restarts (or a control route expires it). */
  accessToken: string;
  refreshToken: string;
  scopes: string[];
}

/** The Google project the demo tokens were issued to: the default `GOOGLE_CLIENT_ID`. */
export const GOOGLE_DEMO_CLIENT_ID = 'rounds-local';

/** What Rounds asks for when it connects a channel, and so what the demo tokens carry. */
export const GOOGLE_DEMO_SCOPES = [
  'https://www.googleapis.com/auth/youtube.upload',
  'https://www.googleapis.com/auth/youtube.readonly',
  'https://www.googleapis.com/auth/youtube.force-ssl',
];

export const GOOGLE_DEMO_ACCOUNTS: readonly GoogleDemoAccount[] = [
  {
    channelId: 'UCsbx0StMarysHealth00001',
    title: "St. Mary's Health",
    handle: '@stmaryshealth',
    email: 'marketing@stmarys.example',
    description: "News, stories and health tips from St. Mary's Health.",
    subscribers: 18_400,
    accessToken: 'sandbox-yt-demo-1-access',
    refreshToken: 'sandbox-yt-demo-1-refresh',
    scopes: GOOGLE_DEMO_SCOPES,
  },
  {
    channelId: 'UCsbx0LakesideChildren02',
    title: "Lakeside Children's Hospital",
    handle: '@lakesidechildrens',
    email: 'social@lakeside.example',
    description: "Caring for kids and families at Lakeside Children's Hospital.",
    subscribers: 6_250,
    accessToken: 'sandbox-yt-demo-2-access',
    refreshToken: 'sandbox-yt-demo-2-refresh',
    scopes: GOOGLE_DEMO_SCOPES,
  },
];
