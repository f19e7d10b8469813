import { classifyVisit } from './link-visitors';

describe('classifyVisit', () => {
  it.each([
    // People, in browsers and the platforms' in-app browsers.
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36',
      'click',
    ],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Twitter for iPhone/10.50',
      'click',
    ],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) Mobile/15E148 [FBAN/FBIOS;FBAV/470.0]',
      'click',
    ],
    [
      'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/126.0 Mobile Safari/537.36 LinkedInApp',
      'click',
    ],
    // Preview fetchers and crawlers.
    ['Twitterbot/1.0', 'preview'],
    ['Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)', 'preview'],
    ['facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)', 'preview'],
    ['Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)', 'preview'],
    [
      'LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)',
      'preview',
    ],
    ['Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)', 'preview'],
    ['WhatsApp/2.23.20.0 A', 'preview'],
    ['TelegramBot (like TwitterBot)', 'preview'],
    ['Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)', 'preview'],
    [
      'Mozilla/5.0 (Macintosh) AppleWebKit/605.1.15 (KHTML, like Gecko) SkypeUriPreview Preview/0.5',
      'preview',
    ],
    // Scripts.
    ['curl/8.5.0', 'preview'],
    ['Wget/1.21.4', 'preview'],
    ['python-requests/2.32.3', 'preview'],
    ['Go-http-client/1.1', 'preview'],
    ['node-fetch/1.0 (+https://github.com/bitinn/node-fetch)', 'preview'],
  ])('%s → %s', (agent, expected) => {
    expect(classifyVisit('GET', agent)).toBe(expected);
  });

  it('counts a request without a User-Agent, or a HEAD, as a preview', () => {
    expect(classifyVisit('GET', undefined)).toBe('preview');
    expect(classifyVisit('GET', '  ')).toBe('preview');
    expect(classifyVisit('HEAD', 'Mozilla/5.0 (Windows NT 10.0) Chrome/126.0')).toBe('preview');
  });
});
