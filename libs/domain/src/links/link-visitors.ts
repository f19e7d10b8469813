/**
 * Link-preview fetchers, crawlers and scripted clients, by their User-Agent. A visit from one of
 * them is a preview, not a click: X's Twitterbot fetches every link of a tweet for its card.
 * In-app browsers (Twitter for iPhone, FBAN, LinkedInApp, Instagram) are people and do not match.
 */
const AUTOMATED = new RegExp(
  [
    'bot\\b',
    'crawler',
    'spider',
    'slurp',
    'preview',
    'facebookexternalhit',
    'facebookcatalog',
    'meta-externalagent',
    'Slack-ImgProxy',
    'WhatsApp',
    'Embedly',
    'Iframely',
    'Pinterest',
    'Snapchat',
    'Viber',
    'Mastodon',
    'Bluesky',
    'HeadlessChrome',
    'Lighthouse',
    'curl',
    'Wget',
    'HTTPie',
    'python-requests',
    'python-urllib',
    'aiohttp',
    'httpx',
    'Go-http-client',
    'node-fetch',
    'undici',
    'axios',
    'okhttp',
    'Apache-HttpClient',
    'Java/',
    'libwww-perl',
    'PostmanRuntime',
    'Scrapy',
  ].join('|'),
  'i',
);

export type LinkVisit = 'click' | 'preview';

/**
 * A click from a person, or a preview: an automated agent, a request without a User-Agent, or a
 * HEAD request (what preview fetchers send to learn the type; a browser never does on a click).
 */
export function classifyVisit(method: string, userAgent: string | undefined): LinkVisit {
  if (method === 'HEAD' || !userAgent?.trim()) return 'preview';
  return AUTOMATED.test(userAgent) ? 'preview' : 'click';
}
