import { as } from '../factories/posts.factory';
import { screenshot, useHospitalDashboard } from './dashboard-browser';

jest.setTimeout(180_000);

/** Issue 14, part 4, in the dashboard: a thread written in the composer and read on the review. */
describe('an X thread in the dashboard', () => {
  const suite = useHospitalDashboard();

  it('writes a three-tweet thread, and the reviewer sees each tweet with its own findings', async () => {
    const { api, h } = suite;
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const { page } = await suite.signedIn(h.marketer.email);
    await page.goto(`/compose?date=${tomorrow}`);
    await page.getByRole('checkbox', { name: /^X / }).check();
    await page.getByLabel('Post text').fill('Our new east tower opens Monday. A quick tour:');
    await page.getByRole('button', { name: 'Add a tweet to the thread' }).click();
    await page.getByRole('button', { name: 'Add a tweet to the thread' }).click();
    await page.getByLabel('Tweet 2 text').fill('Level 1: the new emergency department.');
    await page.getByLabel('Tweet 3 text').fill('Send cards to our patient Tom Reed in room 512.');
    // The preview shows the thread as X numbers it.
    await page.getByText('· 3/3').waitFor();
    await page.getByRole('button', { name: 'Remove tweet 2' }).waitFor();
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.waitForURL(/\/posts\/[0-9a-f-]{36}/);
    const postId = /\/posts\/([0-9a-f-]{36})/.exec(page.url())![1];

    const saved = (await as(api.url, h.marketer).get(`/posts/${postId}`).expect(200)).body;
    expect(saved.revision.content.x).toMatchObject({
      text: 'Our new east tower opens Monday. A quick tour:',
      thread: [
        { text: 'Level 1: the new emergency department.', images: [] },
        { text: 'Send cards to our patient Tom Reed in room 512.', images: [] },
      ],
    });

    await as(api.url, h.marketer).post(`/posts/${postId}/submit`).expect(200);
    const { page: review } = await suite.signedIn(h.compliance.email);
    await review.goto(`/approvals/${postId}`);
    const third = review.getByTestId('tweet-3');
    await third.getByText('Tweet 3 of 3').waitFor();
    const marked = await third.locator('mark').allTextContents();
    expect(marked.some((m) => m.includes('Tom Reed'))).toBe(true);
    expect(marked).toContain('room 512');
    expect(await review.getByTestId('tweet-2').locator('mark').count()).toBe(0);
    await screenshot(review, 'x-thread-review');
  });
});
