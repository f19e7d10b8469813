import type { Page } from 'playwright-core';
import { as, approvedPost, submittedPost, xPost } from '../factories/posts.factory';
import { recordConsent, uploadFixture } from '../factories/media.factory';
import { Device, field, screenshot, TABLET, useHospitalDashboard } from './dashboard-browser';

jest.setTimeout(180_000);

const PHI_TEXT = 'Jane Doe, born 03/14/1961, is recovering well. Call her at 312-555-0199.';
const CLEAN_TEXT = 'Our cardiac team is growing. Join us at the Heart Month open house.';
const PHI_REPLY =
  'Yes, your mother was treated in our ER yesterday. We hope she feels better soon!';
const SAFE_REPLY = 'Our flu clinic is open 8am to 6pm, Monday to Saturday.';

/** The main screens with a hospital's data in them, as each role sees them. */
describe('dashboard screens', () => {
  const suite = useHospitalDashboard();
  beforeAll(async () => {
    await approvedPost(suite.api.url, suite.h);
    await submittedPost(suite.api.url, suite.h, xPost(suite.h, { text: PHI_TEXT }));
  });

  async function as_(email: string, path: string, device?: Device): Promise<Page> {
    const { page } = await suite.signedIn(email, device);
    await page.goto(path);
    return page;
  }

  it('shows the marketer the calendar with colour and status badges, in month, week and list', async () => {
    const page = await as_(suite.h.marketer.email, '/calendar');
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
    const page = await as_(suite.h.marketer.email, '/compose');
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
    const queue = await as_(suite.h.compliance.email, '/approvals');
    await queue.getByText('Jane Doe', { exact: false }).first().click();
    await queue.getByText('First review').waitFor();
    await queue.getByText('Override this finding').first().waitFor();
    await screenshot(queue, 'review');
    await queue.goto('/approvals');
    await screenshot(queue, 'approval-queue');
    await queue.context().close();
  });

  it('shows the executive the reports, with the CSV to download', async () => {
    const page = await as_(suite.h.executive.email, '/reports');
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

  it('lets the marketer revoke a consent record, which leaves the media needing consent', async () => {
    const { api, h } = suite;
    const image = await uploadFixture(api.url, h.marketer, 'pixel.png', { showsPatient: 'true' });
    await recordConsent(api.url, h.marketer, image.id, { personName: 'Jordan Reyes' });
    const post = await approvedPost(
      api.url,
      h,
      xPost(h, { x: { images: [{ mediaId: image.id, altText: 'A patient and her nurse' }] } }),
    );
    const page = await as_(h.marketer.email, `/posts/${post.id}/edit`);
    const record = page.getByTestId('consent-record');
    await record.getByText('In force').waitFor();
    await page.getByText('Consent on file').waitFor();
    await record.getByRole('button', { name: 'Revoke' }).click();
    const dialog = page.getByRole('dialog', { name: 'Revoke consent' });
    await dialog
      .getByText('Scheduled posts using this media will be held', { exact: false })
      .waitFor();
    const confirm = dialog.getByRole('button', { name: 'Revoke consent' });
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel(field('Reason')).fill('Patient withdrew consent by phone');
    await screenshot(page, 'consent-revoke-modal');
    await confirm.click();
    await dialog.waitFor({ state: 'detached' });
    await record.getByText('Revoked', { exact: true }).waitFor();
    await record.getByText('Patient withdrew consent by phone', { exact: false }).waitFor();
    expect(await record.getByRole('button', { name: 'Revoke' }).count()).toBe(0);
    await page.getByText('Consent lapsed').waitFor();
    await page.getByText('Record the signed release').waitFor();
    await screenshot(page, 'consent-revoked');
    await page.context().close();
  });

  it('lets compliance write reply templates, refusing one with PHI on its text', async () => {
    const page = await as_(suite.h.compliance.email, '/inbox');
    await page.getByRole('button', { name: 'Reply templates' }).click();
    const drawer = page.getByRole('dialog', { name: 'Reply templates' });
    // Every organization starts with the five "take it private" templates (three English, two Spanish).
    const listed = drawer.getByTestId('reply-template');
    await listed.getByText('Take it private: sorry to hear').waitFor();
    expect(await listed.count()).toBe(5);
    await drawer.getByLabel(field('Name')).fill('Mother in ER');
    const text = drawer.getByLabel(field('Text'));
    await text.fill(PHI_REPLY);
    await drawer.getByRole('button', { name: 'Save template' }).click();
    await drawer.getByText('text cannot be a template', { exact: false }).waitFor();
    await expect(text.getAttribute('aria-invalid')).resolves.toBe('true');
    await screenshot(page, 'reply-template-phi');
    expect(await listed.count()).toBe(5);

    await drawer.getByLabel(field('Name')).fill('Clinic hours');
    await text.fill(SAFE_REPLY);
    await drawer.getByRole('button', { name: 'Save template' }).click();
    const saved = listed.filter({ hasText: 'Clinic hours' });
    await saved.waitFor();
    await expect(saved.textContent()).resolves.toContain(SAFE_REPLY);
    expect(await listed.count()).toBe(6);
    await expect(text.inputValue()).resolves.toBe('');
    await screenshot(page, 'reply-templates');

    // The marketer reads them, with no form to write one.
    const marketer = await as_(suite.h.marketer.email, '/inbox');
    await marketer.getByRole('button', { name: 'Reply templates' }).click();
    const theirs = marketer.getByRole('dialog', { name: 'Reply templates' });
    await theirs.getByTestId('reply-template').getByText('Clinic hours').waitFor();
    expect(await theirs.getByRole('button', { name: 'Save template' }).count()).toBe(0);
    await marketer.context().close();
    await page.context().close();
  });

  it('pauses all publishing from the admin header, with a red banner for everyone', async () => {
    const page = await as_(suite.h.admin.email, '/channels');
    await page.getByTestId('channel-card').first().waitFor();
    await screenshot(page, 'channels');
    await page.getByRole('button', { name: 'Emergency pause' }).click();
    await page.getByLabel(field('Reason')).fill('Active incident on campus');
    await page.getByRole('button', { name: 'Pause publishing' }).click();
    await page.getByText('Publishing is paused for the whole organization').waitFor();
    await screenshot(page, 'paused');
    const marketer = await as_(suite.h.marketer.email, '/calendar', TABLET);
    await marketer.getByText('Active incident on campus', { exact: false }).waitFor();
    await marketer.locator('.rounds-event').first().waitFor();
    await screenshot(marketer, 'paused-tablet');
    await as(suite.api.url, suite.h.admin)
      .post('/organization/resume', { reason: 'All clear' })
      .expect(200);
    await marketer.context().close();
    await page.context().close();
  });

  it('lets the admin change the approval policy, with the API naming a bad field', async () => {
    const { page, context } = await suite.signedIn(suite.h.admin.email);
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Organization settings' }).waitFor();
    const xApprovals = page.getByLabel('Approvals for X posts');
    await expect(xApprovals.inputValue()).resolves.toBe('');
    await xApprovals.fill('11');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Enter a whole number from 1 to 10, or leave it empty').waitFor();
    await xApprovals.fill('2');
    // The API checks what the form does not: each allow-list entry is at most 300 characters.
    const phones = page.getByLabel('Phone numbers');
    await phones.fill('9'.repeat(301));
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText(/phones must be shorter than or equal to 300 characters/).waitFor();
    await phones.fill('312-555-0100');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Settings saved').waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Organization settings' }).waitFor();
    await expect(page.getByLabel('Approvals for X posts').inputValue()).resolves.toBe('2');
    await expect(page.getByLabel('Phone numbers').inputValue()).resolves.toBe('312-555-0100');
    await screenshot(page, 'settings');
    await context.close();
  });
});
