import { addUser, signupOrganization } from '../factories/identity.factory';
import {
  field,
  navigationItems,
  screenshot,
  submitSignIn,
  TABLET,
  useDashboard,
} from './dashboard-browser';

jest.setTimeout(120_000);

describe('dashboard shell', () => {
  const suite = useDashboard();

  it('refuses a wrong password with a message and no session', async () => {
    const org = await signupOrganization(suite.api.url);
    const { page, context } = await suite.open();
    await page.goto('/audit');
    await page.waitForURL('**/login');
    await screenshot(page, 'login');
    await submitSignIn(page, org.admin.email, 'not the password at all');
    await expect(page.getByRole('alert').textContent()).resolves.toContain(
      'The e-mail or password is not right',
    );
    await context.close();
  });

  it('shows each role only the screens it may use', async () => {
    const org = await signupOrganization(suite.api.url, 'America/Chicago');
    const expected: Record<string, string[]> = {
      marketer: ['Calendar', 'New post', 'Inbox', 'Reports'],
      compliance: [
        'Calendar',
        'Approval queue',
        'Inbox',
        'Reports',
        'Restricted terms',
        'Audit trail',
      ],
      executive: ['Calendar', 'Inbox', 'Reports'],
    };
    const admin = await suite.signedIn(org.admin.email);
    expect(await navigationItems(admin.page)).toEqual([
      'Calendar',
      'New post',
      'Inbox',
      'Reports',
      'Channels',
      'Users & roles',
      'Settings',
      'Restricted terms',
      'Patient feedback',
      'Audit trail',
    ]);
    await expect(admin.page.getByTestId('current-role').textContent()).resolves.toBe(
      'Administrator',
    );
    // The browser runs in Berlin; times are the organization's.
    await expect(admin.page.getByText('America/Chicago ·').textContent()).resolves.toMatch(
      /America\/Chicago · C[SD]T/,
    );
    await admin.context.close();
    for (const [role, screens] of Object.entries(expected)) {
      const user = await addUser(suite.api.url, org.admin, role);
      const { page, context } = await suite.signedIn(user.email);
      expect(await navigationItems(page)).toEqual(screens);
      await page.goto('/users');
      await page.getByText('This page is not available').waitFor();
      await context.close();
    }
  });

  it('keeps the session across a reload of the tab, and signs out', async () => {
    const org = await signupOrganization(suite.api.url);
    const { page, context } = await suite.signedIn(org.admin.email);
    await page.goto('/users');
    await page.getByRole('heading', { name: 'Users & roles' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Users & roles' }).waitFor();
    await page.getByRole('button', { name: /^Account:/ }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await context.close();
  });

  it('lets an admin invite a user and change their role', async () => {
    const org = await signupOrganization(suite.api.url);
    const { page, context } = await suite.signedIn(org.admin.email);
    await page.getByRole('link', { name: 'Users & roles' }).click();
    await page.getByRole('button', { name: 'Invite user' }).click();
    const dialog = page.getByRole('dialog', { name: 'Invite a user' });
    await dialog.getByLabel(field('Full name')).fill('Morgan Reyes');
    await dialog.getByLabel(field('Work e-mail')).fill(`morgan-${Date.now()}@hospital.test`);
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    // No mail is set up here: the single-use link is shown to the admin once.
    await page.getByText('Morgan Reyes is invited with the link below').waitFor();
    const link = page.getByRole('dialog', { name: 'Invitation link' });
    await link.getByRole('button', { name: 'Done' }).click();
    const role = page.getByRole('combobox', { name: 'Role of Morgan Reyes' });
    await expect(role.inputValue()).resolves.toBe('Marketer');
    await role.click();
    await page.getByRole('option', { name: 'Compliance officer' }).click();
    await page.getByText('Morgan Reyes is now compliance officer').waitFor();
    // The row shows the role the API now holds, once the list is read again.
    await page
      .locator('input[aria-label="Role of Morgan Reyes"][value="Compliance officer"]')
      .waitFor();
    await screenshot(page, 'users');
    await context.close();
  });

  it('shows the audit trail with its verification, at laptop and tablet widths', async () => {
    const org = await signupOrganization(suite.api.url);
    await addUser(suite.api.url, org.admin, 'marketer');
    const { page, context } = await suite.signedIn(org.admin.email);
    await page.getByRole('link', { name: 'Audit trail' }).click();
    const verification = page.getByTestId('chain-verification');
    await expect(verification.textContent()).resolves.toMatch(/Audit trail intact.*All \d+ events/);
    await page.getByRole('cell', { name: 'User created' }).waitFor();
    await page.getByRole('cell', { name: 'Signed in' }).first().waitFor();
    await screenshot(page, 'audit');
    await context.close();

    const tablet = await suite.signedIn(org.admin.email, TABLET);
    await tablet.page.goto('/audit');
    await tablet.page.getByTestId('chain-verification').waitFor();
    await screenshot(tablet.page, 'audit-tablet');
    await tablet.context.close();
  });
});
