import type { Browser, Page } from 'playwright-core';
import {
  as,
  approvedPost,
  hospital,
  Hospital,
  submittedPost,
  xPost,
} from '../factories/posts.factory';
import { startTestApi, TestApi } from '../support/test-api';
import {
  ensureDashboardBuilt,
  field,
  launchBrowser,
  openDashboard,
  screenshot,
  signIn,
  TABLET,
} from './dashboard-browser';

jest.setTimeout(180_000);

const PHI_TEXT = 'Jane Doe, born 03/14/1961, is recovering well. Call her at 312-555-0199.';
const CLEAN_TEXT = 'Our cardiac team is growing. Join us at the Heart Month open house.';

/** The main screens with a hospital's data in them, as each role sees them. */
describe('dashboard screens', () => {
  let api: TestApi;
  let browser: Browser;
  let h: Hospital;
  beforeAll(async () => {
    ensureDashboardBuilt();
    api = await startTestApi();
    browser = await launchBrowser();
    h = await hospital(api.url);
    await approvedPost(api.url, h);
    await submittedPost(api.url, h, xPost(h, { text: PHI_TEXT }));
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  async function as_(email: string, path: string, viewport?: typeof TABLET): Promise<Page> {
    const { page } = await openDashboard(browser, api.url, viewport);
    await signIn(page, email);
    await page.goto(path);
    return page;
  }

  it('shows the marketer the calendar with colour and status badges, in month, week and list', async () => {
    const page = await as_(h.marketer.email, '/calendar');
    await page.locator('.rounds-event').first().waitFor();
    expect(await page.locator('.rounds-event-status').allTextContents()).toEqual(
      expect.arrayContaining(['Scheduled', 'In review']),
    );
    await screenshot(page, 'calendar-month');
    await page.getByRole('button', { name: 'Week' }).click();
    await screenshot(page, 'calendar-week');
    await page.getByRole('button', { name: 'List' }).click();
    await page.locator('.fc-list-event').first().waitFor();
    await screenshot(page, 'calendar-list');
    await page.context().close();
  });

  it('underlines PHI while the marketer types, and clears it when the text is fixed', async () => {
    const page = await as_(h.marketer.email, '/compose');
    await page.getByRole('checkbox', { name: /^X / }).check();
    const text = page.getByLabel('Post text');
    await text.fill(PHI_TEXT);
    const findings = page.getByTestId('phi-findings');
    await findings.waitFor();
    await expect(findings.textContent()).resolves.toContain('312-555-0199');
    expect(await page.locator('mark[data-severity]').count()).toBeGreaterThan(0);
    await expect(page.getByTestId('x-count').textContent()).resolves.toBe(
      `${PHI_TEXT.length} / 280`,
    );
    await screenshot(page, 'composer-phi');
    await text.fill(CLEAN_TEXT);
    await page.getByText('No protected health information found').waitFor();
    await page.context().close();
  });

  it('lets compliance review a post with its findings and what changed', async () => {
    const queue = await as_(h.compliance.email, '/approvals');
    await queue.getByText('Jane Doe', { exact: false }).first().click();
    await queue.getByText('First review').waitFor();
    await queue.getByText('Override this finding').first().waitFor();
    await screenshot(queue, 'review');
    await queue.goto('/approvals');
    await screenshot(queue, 'approval-queue');
    await queue.context().close();
  });

  it('shows the executive the reports, with the CSV to download', async () => {
    const page = await as_(h.executive.email, '/reports');
    await page.getByTestId('kpi-engagements').waitFor();
    await page.getByTestId('compliance-panel').getByText('PHI caught').waitFor();
    await screenshot(page, 'reports');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^engagement-\d{4}-\d{2}-\d{2}-to-.*\.csv$/);
    await page.context().close();
  });

  it('pauses all publishing from the admin header, with a red banner for everyone', async () => {
    const page = await as_(h.admin.email, '/channels');
    await page.getByTestId('channel-card').first().waitFor();
    await screenshot(page, 'channels');
    await page.getByRole('button', { name: 'Emergency pause' }).click();
    await page.getByLabel(field('Reason')).fill('Active incident on campus');
    await page.getByRole('button', { name: 'Pause publishing' }).click();
    await page.getByText('Publishing is paused for the whole organization').waitFor();
    await screenshot(page, 'paused');
    const marketer = await as_(h.marketer.email, '/calendar', TABLET);
    await marketer.getByText('Active incident on campus', { exact: false }).waitFor();
    await marketer.locator('.rounds-event').first().waitFor();
    await screenshot(marketer, 'paused-tablet');
    await as(api.url, h.admin).post('/organization/resume', { reason: 'All clear' }).expect(200);
    await marketer.context().close();
    await page.context().close();
  });
});
