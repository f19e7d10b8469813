import type { INestApplicationContext } from '@nestjs/common';
import type { Browser } from 'playwright-core';
import { LinkClicksFlush } from '@rounds/domain';
import { SandboxControlClient } from '@rounds/sandbox';
import { BROWSER } from '../factories/links.factory';
import {
  connectChannel,
  newsroom,
  Newsroom,
  query,
  startApiOnSandbox,
} from '../factories/metrics.factory';
import { as } from '../factories/posts.factory';
import { waitFor } from '../factories/publishing.factory';
import { freePort } from '../support/processes';
import { startTestWorker } from '../support/test-worker';
import {
  ensureDashboardBuilt,
  launchBrowser,
  openDashboard,
  screenshot,
  signIn,
} from './dashboard-browser';

jest.setTimeout(300_000);

const ADDRESS = 'https://www.mercy.org/heart-month';
const TEXT = 'Free heart screenings all month at every campus:';

/** The composer's "Track", through review and publishing, to a visitor on the short link. */
describe('tracked links in the dashboard', () => {
  let env: Awaited<ReturnType<typeof startApiOnSandbox>>;
  let worker: INestApplicationContext;
  let browser: Browser;
  let team: Newsroom;
  let control: SandboxControlClient;
  let account: Awaited<ReturnType<SandboxControlClient['createXAccount']>>;
  let publicUrl: string;

  beforeAll(async () => {
    ensureDashboardBuilt();
    // Short links point at PUBLIC_URL, so the API listens exactly there (by name: the scanner
    // rightly blocks an IP address in published text).
    const port = await freePort();
    publicUrl = `http://localhost:${port}`;
    env = await startApiOnSandbox({ PORT: String(port), PUBLIC_URL: publicUrl });
    worker = await startTestWorker();
    browser = await launchBrowser();
    team = await newsroom(env.api.url);
    control = new SandboxControlClient(env.sandbox.url);
    account = await control.createXAccount();
    await connectChannel(env.api, team.id, {
      platform: 'x',
      externalAccountId: account.id,
      handle: account.handle,
      accessToken: account.accessToken,
      refreshToken: account.refreshToken,
    });
  });
  afterAll(async () => {
    await browser?.close();
    await worker?.close();
    await env?.close();
  });

  it('tracks a pasted link, shows the short link in the preview, and the published one redirects', async () => {
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const { page: m } = await openDashboard(browser, env.api.url);
    await signIn(m, team.marketer.email);
    await m.goto(`/compose?date=${tomorrow}`);
    await m.getByRole('checkbox', { name: /^X / }).check();
    await m.getByLabel('Campaign').fill('Heart Month');
    await m.getByLabel('Post text').fill(`${TEXT} ${ADDRESS}`);
    await m.getByRole('button', { name: `Track ${ADDRESS}` }).click();
    const tracked = m.getByTestId('tracked-link');
    await tracked.waitFor();
    // The address in the text is now its short link.
    const text = await m.getByLabel('Post text').inputValue();
    const shortUrl = text.slice(TEXT.length + 1);
    expect(text.slice(0, TEXT.length + 1)).toBe(`${TEXT} `);
    expect(shortUrl).toMatch(new RegExp(`^${publicUrl}/l/[0-9A-Za-z]{10}$`));
    await expect(tracked.textContent()).resolves.toContain(`${ADDRESS} tracked as ${shortUrl}`);
    const preview = m.getByLabel(/^Preview on X as/);
    await expect(preview.textContent()).resolves.toContain(shortUrl);
    await expect(preview.textContent()).resolves.not.toContain(ADDRESS);
    await screenshot(m, 'composer-tracked-link');
    await m.getByRole('button', { name: 'Submit for review' }).click();
    await m.waitForURL(/\/posts\/[0-9a-f-]{36}$/);
    const postId = m.url().split('/').pop()!;

    // Compliance sees the destination the approval fixes, and approves it.
    const { page: c } = await openDashboard(browser, env.api.url);
    await signIn(c, team.compliance.email);
    await c.goto(`/approvals/${postId}`);
    const destination = `${ADDRESS}?utm_source=x&utm_medium=social&utm_campaign=Heart+Month&utm_content=${postId}`;
    await c.getByTestId('tracked-links-x').getByText(destination).waitFor();
    await c.getByRole('button', { name: 'Approve' }).click();
    await c.waitForURL(/\/approvals$/);

    // Due in a moment; what reached X is the text with the short link.
    await as(env.api.url, team.marketer)
      .patch(`/posts/${postId}`, { scheduledAt: new Date(Date.now() + 1500).toISOString() })
      .expect(200);
    const sent = await waitFor('the tweet', async () => {
      const tweets = await control.xTweets(account.id);
      return tweets.length > 0 && tweets;
    });
    expect(sent.map((t) => t.text)).toEqual([`${TEXT} ${shortUrl}`]);

    // A reader follows the link; the hospital's site is out of reach here, the request to it is
    // what shows where the browser was sent.
    const reader = await browser.newContext({ userAgent: BROWSER });
    const r = await reader.newPage();
    const sentOn = r.waitForRequest((request) =>
      request.url().startsWith('https://www.mercy.org/'),
    );
    // The short domain (localhost here) is this API; this Chromium reaches it by address.
    await r.goto(shortUrl.replace(publicUrl, env.api.url)).catch(() => undefined);
    expect((await sentOn).url()).toBe(destination);
    await reader.close();
    await env.api.app.get(LinkClicksFlush).flush();
    const [count] = await query<{ clicks: number }>(
      'SELECT sum(clicks)::int AS clicks FROM link_daily_clicks',
    );
    expect(count.clicks).toBe(1);
  });
});
