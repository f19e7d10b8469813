import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { connectThroughOAuth } from '../factories/channels.factory';
import { as } from '../factories/posts.factory';
import {
  secondsFromNow,
  team,
  Team,
  tweetsWith,
  waitForPublications,
} from '../factories/publishing.factory';
import { FAST_PUBLISHING, startStack, Stack } from '../support/processes';
import {
  ensureDashboardBuilt,
  field,
  launchBrowser,
  screenshot,
  signedInDashboard,
} from './dashboard-browser';

jest.setTimeout(600_000);

const fixture = (name: string) => join(__dirname, '../fixtures/media', name);
const PHI_TEXT = 'So proud of Jane Doe (MRN 00123456) who walked out of rehab today!';
const FIRST_TEXT = 'Free flu shots this Saturday at the main campus, 9 to 3. #FluSeason';
const FINAL_TEXT = `${FIRST_TEXT} Walk-ins welcome.`;

/** The three personas of the dashboard, end to end, against the api, worker and sandbox. */
describe('persona journeys', () => {
  let stack: Stack;
  let browser: Browser;
  let t: Team;

  beforeAll(async () => {
    ensureDashboardBuilt();
    stack = await startStack({ env: FAST_PUBLISHING });
    await stack.startWorker();
    browser = await launchBrowser();
    t = await team(stack.apiUrl);
    await connectThroughOAuth(stack.apiUrl, t.admin, 'x');
    await connectThroughOAuth(stack.apiUrl, t.admin, 'youtube');
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  }, 60_000);

  it('composes, reviews, publishes and reports a post with an image and a video', async () => {
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const { page: m } = await signedInDashboard(browser, stack.apiUrl, t.marketer.email);
    await m.goto(`/compose?date=${tomorrow}`);
    await m.getByRole('checkbox', { name: /^X / }).check();
    await m.getByRole('checkbox', { name: /^YouTube / }).check();

    // PHI appears while typing, and goes when the text is fixed.
    const text = m.getByLabel('Post text');
    await text.pressSequentially(PHI_TEXT, { delay: 5 });
    await expect(m.getByTestId('phi-findings').textContent()).resolves.toContain('Jane Doe');
    await screenshot(m, 'journey-composer-phi');
    await text.fill(FIRST_TEXT);
    await m.getByText('No protected health information found').first().waitFor();

    await m.getByLabel('Add image').setInputFiles(fixture('pixel.png'));
    await m.getByLabel(/^Alt text for/).fill('A nurse preparing a flu shot');
    await m.getByLabel('Upload video').setInputFiles(fixture('clip.mp4'));
    await m.getByTestId('video-name').waitFor();
    await m.getByLabel(field('Title')).fill('Flu shots at Mercy this Saturday');
    await m.getByRole('radio', { name: 'No' }).check();
    // The cost preview: YouTube's upload and go-live from the quota table (1600 + 50 units).
    await m.getByTestId('cost-panel').getByText('1,650 quota units').waitFor();
    await screenshot(m, 'journey-composer');
    await m.getByRole('button', { name: 'Submit for review' }).click();
    await m.waitForURL(/\/posts\/[0-9a-f-]{36}$/);
    const postId = m.url().split('/').pop()!;
    await expect(m.getByTestId('post-status').first().textContent()).resolves.toBe('In review');

    // Compliance asks for a change; the marketer makes it; compliance approves the difference.
    const { page: c } = await signedInDashboard(browser, stack.apiUrl, t.compliance.email);
    await c.getByRole('link', { name: 'Approval queue' }).click();
    await c.getByRole('heading', { name: 'Approval queue' }).waitFor();
    await c.getByText(FIRST_TEXT.slice(0, 40), { exact: false }).first().click();
    await c.getByLabel('Comment').fill('Please say that walk-ins are welcome.');
    await c.getByRole('button', { name: 'Request changes' }).click();
    await c.waitForURL(/\/approvals$/);

    await m.goto(`/posts/${postId}/edit`);
    await m.getByLabel('Post text').fill(FINAL_TEXT);
    await m.getByRole('button', { name: 'Submit for review' }).click();
    await m.waitForURL(new RegExp(`/posts/${postId}$`));

    await c.goto(`/approvals/${postId}`);
    await c.getByTestId('revision-diff').locator('ins').first().waitFor();
    await expect(c.getByTestId('revision-diff').locator('ins').allTextContents()).resolves.toEqual(
      expect.arrayContaining([expect.stringContaining('Walk-ins')]),
    );
    await screenshot(c, 'journey-review-diff');
    await c.getByRole('button', { name: 'Approve' }).click();
    await c.waitForURL(/\/approvals$/);

    // Due in seconds rather than tomorrow; a new time keeps the approval.
    await as(stack.apiUrl, t.marketer)
      .patch(`/posts/${postId}`, { scheduledAt: secondsFromNow(3).toISOString() })
      .expect(200);
    await waitForPublications(stack, t, postId, 'published', 120_000);
    const [tweet] = await tweetsWith(stack, FINAL_TEXT);
    await m.goto(`/posts/${postId}`);
    const link = m.getByRole('link', { name: /View on X/ });
    await expect(link.getAttribute('href')).resolves.toContain(tweet.id);
    await m.getByRole('link', { name: /View on YouTube/ }).waitFor();
    await screenshot(m, 'journey-published');

    // The executive reads the report and takes the CSV.
    const { page: e } = await signedInDashboard(browser, stack.apiUrl, t.executive.email);
    await e.getByRole('link', { name: 'Reports' }).click();
    await e.getByRole('heading', { name: 'Reports' }).waitFor();
    await e.getByTestId('kpi-postsPublished').waitFor();
    const [download] = await Promise.all([
      e.waitForEvent('download'),
      e.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^engagement-.*\.csv$/);
    await screenshot(e, 'journey-reports');
  });
});
