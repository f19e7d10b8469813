import type { Response } from 'playwright-core';
import { hospital, submittedPost, xPost } from '../factories/posts.factory';
import { waitFor } from '../factories/publishing.factory';
import { signIn, useDashboard } from './dashboard-browser';

jest.setTimeout(120_000);

/** TanStack Query's staleTime in the dashboard: a screen opened later than this asks again. */
const STALE_MS = 15_000;
const TEXT = 'Our stroke team answers your questions live on Thursday at noon.';

/** The dashboard's refetching asks with If-None-Match and takes the API's 304 (issue 15). */
describe('conditional requests from the dashboard', () => {
  const suite = useDashboard();

  it('refetches the approval queue with its ETag and is answered 304 while nothing changed', async () => {
    const h = await hospital(suite.api.url);
    await submittedPost(suite.api.url, h, xPost(h, { text: TEXT }));
    const { page, context } = await suite.open();
    await page.clock.install();
    const answers: Response[] = [];
    page.on('response', (response) => {
      if (new URL(response.url()).pathname === '/api/v1/approvals/queue') answers.push(response);
    });
    await signIn(page, h.compliance.email);
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await nav.getByRole('link', { name: 'Approval queue' }).click();
    await page.getByText(TEXT).first().waitFor();
    // Each round lets the queue go stale, leaves its screen and comes back, which refetches it.
    // A round whose refetch does not come (the screen not yet unmounted) is simply made again.
    for (let n = 2; n <= 4; n++) {
      await waitFor(`request ${n} of the queue`, async () => {
        await page.clock.fastForward(STALE_MS + 1000);
        await nav.getByRole('link', { name: 'Calendar' }).click();
        await page.getByRole('heading', { name: 'Calendar', level: 1 }).waitFor();
        await nav.getByRole('link', { name: 'Approval queue' }).click();
        await page.getByText(TEXT).first().waitFor();
        await page.waitForTimeout(500);
        return answers.length >= n;
      });
    }
    expect(answers[0].status()).toBe(200);
    expect(answers.slice(1).map((r) => r.status())).toEqual(answers.slice(1).map(() => 304));
    const etag = await answers[0].headerValue('etag');
    for (const answer of answers.slice(1)) {
      await expect(answer.request().headerValue('if-none-match')).resolves.toBe(etag);
    }
    await context.close();
  });
});
