import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { LinkClicksFlush } from '@rounds/domain';
import { createConversationMessage } from '../factories/conversations.factory';
import { reserveLink, visit } from '../factories/links.factory';
import { createNotification } from '../factories/notifications.factory';
import { approvedPost, submittedPost, xPost } from '../factories/posts.factory';
import {
  LAPTOP,
  PHONE_SIZE,
  screenSettled,
  screenshot,
  sidewaysOverflow,
  useHospitalDashboard,
} from './dashboard-browser';

jest.setTimeout(900_000);

// Evaluated through the DevTools protocol: the dashboard's CSP (script-src 'self') stays on.
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: {
    html: string;
    any: { data?: { fgColor?: string; bgColor?: string; contrastRatio?: number } | null }[];
  }[];
}

/** Every screen each role can open (WCAG 2.1 AA is owed on all of them), written out by hand. */
const SCREENS: Record<'admin' | 'marketer' | 'compliance' | 'executive', string[]> = {
  admin: [
    '/calendar',
    '/compose',
    '/inbox',
    '/reports',
    '/channels',
    '/users',
    '/settings',
    '/settings/restricted-terms',
    '/settings/feedback',
    '/audit',
    '/posts/:approved',
    '/posts/:approved/edit',
    '/account',
  ],
  marketer: [
    '/calendar',
    '/compose',
    '/inbox',
    '/reports',
    '/posts/:approved',
    '/posts/:approved/edit',
    '/account',
  ],
  compliance: [
    '/calendar',
    '/approvals',
    '/approvals/:submitted',
    '/inbox',
    '/reports',
    '/settings/restricted-terms',
    '/audit',
    '/posts/:submitted',
    '/account',
  ],
  executive: ['/calendar', '/inbox', '/reports', '/posts/:approved', '/account'],
};

/** An element by its markup, and for a contrast failure its colours and ratio. */
function shown(node: AxeViolation['nodes'][number]): string {
  const colors = node.any.find((check) => check.data?.contrastRatio)?.data;
  const ratio = colors ? ` (${colors.fgColor} on ${colors.bgColor}: ${colors.contrastRatio})` : '';
  return `${node.html.slice(0, 160)}${ratio}`;
}

/** Serious and critical axe-core violations (injected from the npm package): `rule: elements`. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const violations = await page.evaluate<AxeViolation[]>('axe.run().then((r) => r.violations)');
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map(shown).join(' | ')}`);
}

describe('accessibility (WCAG 2.1 AA, axe-core in Chromium)', () => {
  const suite = useHospitalDashboard();
  let ids: Record<string, string>;
  beforeAll(async () => {
    const { api, h } = suite;
    // Tracked links on both posts, one of them clicked: their tables on the post, the review,
    // the composer and the reports are checked too.
    const [heart, stroke] = [
      await reserveLink(api.url, h.marketer, 'https://www.mercy.org/heart-month'),
      await reserveLink(api.url, h.marketer, 'https://www.mercy.org/stroke'),
    ];
    const approved = await approvedPost(
      api.url,
      h,
      xPost(h, {
        text: `Free heart screenings all month: ${heart.shortUrl}`,
        campaign: 'Heart Month',
      }),
    );
    await visit(api.url, heart.code).expect(302);
    await api.app.get(LinkClicksFlush).flush();
    const submitted = await submittedPost(
      api.url,
      h,
      xPost(h, {
        text: `Jane Doe, born 03/14/1961, is recovering well. Call 312-555-0199. ${stroke.shortUrl}`,
      }),
    );
    await createConversationMessage(h.id, { category: 'safety', categoryReasons: ['fell'] });
    for (const user of [h.admin, h.marketer, h.compliance, h.executive]) {
      await createNotification(h.id, user.userId);
    }
    ids = { ':approved': approved.id, ':submitted': submitted.id };
  });

  const path = (screen: string) => screen.replace(/:\w+/, (key) => ids[key]);

  for (const [size, device] of Object.entries({ laptop: LAPTOP, phone: PHONE_SIZE })) {
    it(`has no serious or critical violations on the sign-in screen at ${size} size`, async () => {
      const { page, context } = await suite.open(device);
      await page.goto('/login');
      await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      expect(await sidewaysOverflow(page)).toBe(0);
      await context.close();
    });

    for (const role of Object.keys(SCREENS) as (keyof typeof SCREENS)[]) {
      it(`has no serious or critical violations on the ${role}'s screens at ${size} size`, async () => {
        const { page, context } = await suite.signedIn(suite.h[role].email, device);
        const found: Record<string, string[]> = {};
        for (const screen of SCREENS[role]) {
          await page.goto(path(screen));
          await screenSettled(page);
          const problems = await seriousViolations(page);
          const overflow = device === PHONE_SIZE ? await sidewaysOverflow(page) : 0;
          if (overflow > 0) problems.push(`page ${overflow} px wider than the phone`);
          if (problems.length) {
            found[screen] = problems;
            await screenshot(page, `a11y-${size}-${role}${screen.replace(/[/:]/g, '-')}`);
          }
        }
        expect(found).toEqual({});
        await context.close();
      });
    }
  }
});
