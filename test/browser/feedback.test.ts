import type { Browser } from 'playwright-core';
import { createConversationMessage } from '../factories/conversations.factory';
import { as, hospital, Hospital } from '../factories/posts.factory';
import { startTestApi, TestApi } from '../support/test-api';
import {
  ensureDashboardBuilt,
  field,
  launchBrowser,
  openDashboard,
  screenshot,
  signIn,
} from './dashboard-browser';

jest.setTimeout(240_000);

const SAFETY = 'The night nurse gave my mother the wrong insulin dose and nobody checked on her.';
const TEMPLATE = 'Take it private: sorry to hear';
const NOTE = 'Called the family; incident report IR-2291 filed with risk management.';

describe('patient feedback in the dashboard', () => {
  let api: TestApi;
  let browser: Browser;
  let h: Hospital;
  let messageId: string;
  beforeAll(async () => {
    ensureDashboardBuilt();
    api = await startTestApi();
    browser = await launchBrowser();
    h = await hospital(api.url);
    messageId = await createConversationMessage(h.id, {
      text: SAFETY,
      category: 'safety',
      categoryReasons: ['wrong insulin dose'],
    });
    // The admin made the marketer one of risk management's; compliance approved the seeded replies.
    const group = await as(api.url, h.admin)
      .post('/feedback/groups', { name: 'Risk management', memberIds: [h.marketer.userId] })
      .expect(201);
    await as(api.url, h.admin)
      .put('/feedback/routes', {
        category: 'safety',
        ownerGroupId: group.body.id,
        responseTargetHours: 2,
      })
      .expect(200);
    const templates = await as(api.url, h.compliance).get('/reply-templates').expect(200);
    for (const t of templates.body as { id: string; purpose: string }[]) {
      if (t.purpose === 'take_private')
        await as(api.url, h.compliance).post(`/reply-templates/${t.id}/approve`).expect(200);
    }
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('an owner takes a safety message, notes it, replies with a take-it-private template and closes it', async () => {
    const { page, context } = await openDashboard(browser, api.url);
    await signIn(page, h.marketer.email);
    await page.getByRole('link', { name: 'Inbox' }).click();
    await page.getByRole('combobox', { name: 'Owner' }).click();
    await page.getByRole('option', { name: 'Mine' }).click();
    const card = page.getByRole('article', { name: 'Message from A Neighbor' });
    await card.getByText(SAFETY).waitFor();
    await card.getByText('Owner: Risk management').waitFor();

    await card.getByRole('button', { name: 'Take it' }).click();
    await card.getByText(/Assigned to Test marketer/).waitFor();

    await card.getByLabel(field('Internal note')).fill(NOTE);
    await card.getByRole('button', { name: 'Add note' }).click();
    await card.getByText(NOTE).waitFor();

    await card.getByRole('button', { name: 'Reply' }).click();
    await card.getByText(/Take it private: acknowledge/).waitFor();
    await card.getByRole('combobox', { name: 'Pre-approved template' }).click();
    // Take-it-private templates come first for a safety message.
    const options = page.getByRole('option');
    await expect(options.first().textContent()).resolves.toContain('Take it private');
    await page.getByRole('option', { name: TEMPLATE }).click();
    await card.getByRole('button', { name: 'Send template' }).click();
    await card.getByText('Approved', { exact: true }).waitFor();
    await screenshot(page, 'feedback-owner-journey');

    await card.getByRole('button', { name: 'Close' }).click();
    await card.waitFor({ state: 'detached' });
    await page.locator('label', { hasText: /^Closed$/ }).click();
    await page.getByRole('article', { name: 'Message from A Neighbor' }).getByText(NOTE).waitFor();
    await context.close();

    const message = (await as(api.url, h.admin).get(`/conversations/${messageId}`).expect(200))
      .body;
    expect(message).toMatchObject({ status: 'closed', assigneeId: h.marketer.userId });
    expect(message.notes.map((n: { text: string }) => n.text)).toEqual([NOTE]);
    expect(message.replies).toHaveLength(1);
    expect(message.replies[0].text).not.toContain('IR-2291');
    const trail = await as(api.url, h.admin)
      .get(`/audit?subjectType=conversation&subjectId=${messageId}`)
      .expect(200);
    expect(trail.body.map((e: { action: string }) => e.action).reverse()).toEqual([
      'conversation.taken',
      'conversation.noted',
      'conversation.closed',
    ]);
  });

  it('an admin sets owners and targets in Settings › Patient feedback', async () => {
    const { page, context } = await openDashboard(browser, api.url);
    await signIn(page, h.admin.email);
    await page.getByRole('link', { name: 'Patient feedback' }).click();
    await page.getByRole('textbox', { name: field('New group') }).fill('Patient experience');
    await page.getByRole('button', { name: 'Add group' }).click();
    await page.getByRole('form', { name: 'Group Patient experience' }).waitFor();

    await page.getByRole('combobox', { name: 'Owner of Complaint' }).click();
    await page.getByRole('option', { name: 'Patient experience' }).click();
    await page.getByLabel('Response target for Complaint, in hours').fill('24');
    await page.getByRole('button', { name: 'Save Complaint' }).click();
    await page.getByText('Complaint: saved').waitFor();
    await screenshot(page, 'feedback-settings');
    await context.close();

    const settings = (await as(api.url, h.executive).get('/feedback/settings').expect(200)).body;
    const group = settings.groups.find((g: { name: string }) => g.name === 'Patient experience');
    expect(settings.routes.find((r: { category: string }) => r.category === 'complaint')).toEqual({
      category: 'complaint',
      ownerUserId: null,
      ownerGroupId: group.id,
      responseTargetHours: 24,
    });
  });
});
