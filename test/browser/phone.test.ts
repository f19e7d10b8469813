import type { Page } from 'playwright-core';
import { createConversationMessage } from '../factories/conversations.factory';
import { as, submittedPost, xPost } from '../factories/posts.factory';
import {
  field,
  PHONE,
  screenSettled,
  screenshot,
  sidewaysOverflow,
  useHospitalDashboard,
} from './dashboard-browser';

jest.setTimeout(300_000);

const PHI_TEXT = 'Jane Doe, born 03/14/1961, is recovering well. Call her at 312-555-0199.';
const REPLY = 'Thank you! Our clinic opens at 8am, Monday to Saturday.';
/** WCAG 2.5.5 (AAA, and Apple's and Google's guidance): 44 by 44 CSS pixels to tap. */
const TARGET = 44;
const TAPPABLE =
  'button:visible, [role="button"]:visible, a.mantine-Button-root:visible, input:not([type="checkbox"]):not([type="radio"]):not([type="hidden"]):visible, textarea:visible, .mantine-Checkbox-body:visible';

/** Controls on screen smaller than a fingertip, as `name: width×height`. */
async function smallTargets(page: Page, scope: string): Promise<string[]> {
  const small: string[] = [];
  for (const control of await page.locator(scope).locator(TAPPABLE).all()) {
    const box = await control.boundingBox();
    if (!box || (box.width >= TARGET && box.height >= TARGET)) continue;
    const name = (await control.getAttribute('aria-label')) ?? (await control.innerText()).trim();
    const label = name.slice(0, 40) || (await control.getAttribute('class'));
    small.push(`${label}: ${Math.round(box.width)}×${Math.round(box.height)}`);
  }
  return small;
}

/** A compliance officer on a phone (390×844, touch): no sideways scrolling, fingertip targets. */
describe('approvals from a phone', () => {
  const suite = useHospitalDashboard();

  async function fitsThePhone(page: Page, name: string) {
    await screenSettled(page);
    await screenshot(page, `phone-${name}`);
    expect(await sidewaysOverflow(page)).toBe(0);
    expect(await smallTargets(page, 'main, header')).toEqual([]);
  }

  it('goes from the queue to the review and approves with an override, by touch', async () => {
    const { api, h } = suite;
    const post = await submittedPost(api.url, h, xPost(h, { text: PHI_TEXT }));
    const { page, context } = await suite.signedIn(h.compliance.email, PHONE);

    await page.getByRole('button', { name: 'Toggle navigation' }).tap();
    await page.getByRole('link', { name: 'Approval queue' }).tap();
    await page.getByRole('heading', { name: 'Approval queue' }).waitFor();
    await fitsThePhone(page, 'queue');

    await page
      .getByRole('link', { name: /Jane Doe/ })
      .first()
      .tap();
    await page.waitForURL(`**/approvals/${post.id}`);
    await page.getByText('Override this finding').first().waitFor();
    await fitsThePhone(page, 'review');

    const overrides = page.getByRole('checkbox', { name: 'Override this finding' });
    const blocking = await overrides.count();
    expect(blocking).toBeGreaterThan(0);
    for (let i = 0; i < blocking; i++) {
      await overrides.nth(i).tap();
      await page
        .getByLabel(field('Justification'))
        .nth(i)
        .fill('Published with her written consent');
    }
    await page.getByRole('button', { name: 'Approve' }).tap();
    await page.waitForURL(/\/approvals$/);
    await context.close();

    const approved = await as(api.url, h.admin).get(`/posts/${post.id}`).expect(200);
    expect(approved.body.status).toBe('scheduled');
    const events = await as(api.url, h.admin)
      .get(`/audit?subjectType=post&subjectId=${post.id}`)
      .expect(200);
    const approval = (events.body as { action: string; data: { overrides?: unknown[] } }[]).find(
      (e) => e.action === 'post.approved',
    );
    expect(approval?.data.overrides).toHaveLength(blocking);
  });

  it('reviews a reply in the inbox and reads the notifications on a phone', async () => {
    const { api, h } = suite;
    const messageId = await createConversationMessage(h.id);
    await as(api.url, h.marketer)
      .post(`/conversations/${messageId}/replies`, { text: REPLY })
      .expect(201);
    const { page, context } = await suite.signedIn(h.compliance.email, PHONE);
    await page.goto('/inbox');
    await page.getByRole('button', { name: 'Approve reply' }).first().waitFor();
    await fitsThePhone(page, 'inbox-reply-review');

    await page.getByRole('button', { name: /^Notifications/ }).tap();
    const list = page.getByRole('dialog');
    await list.getByText('A reply is waiting for review').waitFor();
    await screenshot(page, 'phone-notifications');
    expect(await sidewaysOverflow(page)).toBe(0);
    expect(await smallTargets(page, '[role="dialog"]')).toEqual([]);
    await list.getByText('A reply is waiting for review').tap();
    await page.waitForURL('**/inbox');
    await context.close();
  });
});
