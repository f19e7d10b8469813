import { field, screenshot, useHospitalDashboard } from './dashboard-browser';

jest.setTimeout(180_000);

describe('restricted terms', () => {
  const suite = useHospitalDashboard();

  it('compliance adds a term in Settings and the composer underlines it as the marketer types', async () => {
    const { page, context } = await suite.signedIn(suite.h.compliance.email);
    await page.getByRole('link', { name: 'Restricted terms' }).click();
    await page.getByText('No restricted terms yet.').waitFor();
    await page.getByLabel(field('Term')).fill('Project Aurora');
    await page.getByRole('button', { name: 'Add term' }).click();
    await page
      .getByRole('table', { name: 'Restricted terms' })
      .getByText('Project Aurora')
      .waitFor();
    await screenshot(page, 'restricted-terms');
    await context.close();

    const composer = await suite.signedIn(suite.h.marketer.email);
    await composer.page.goto('/compose');
    await composer.page.getByRole('checkbox', { name: /^X / }).check();
    await composer.page
      .getByLabel('Post text')
      .fill('Sneak peek: our new wing, code-named project aurora, opens this spring!');
    const mark = composer.page.locator('mark[data-severity="block"]', {
      hasText: 'project aurora',
    });
    await mark.waitFor();
    await expect(composer.page.getByTestId('phi-findings').textContent()).resolves.toContain(
      'confidential terms',
    );
    await screenshot(composer.page, 'composer-restricted-term');
    await composer.context.close();
  });
});
