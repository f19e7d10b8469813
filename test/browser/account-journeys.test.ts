import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { addUser, PASSWORD, signupOrganization } from '../factories/identity.factory';
import { nextTotpCode } from '../factories/mfa.factory';
import { runAuditVerify } from '../support/audit-export';
import { startTestSmtp, TestSmtp } from '../support/smtp-server';
import {
  enrolAuthenticator,
  field,
  screenshot,
  signIn,
  submitSignIn,
  useDashboard,
} from './dashboard-browser';

jest.setTimeout(180_000);

const NEW_PASSWORD = 'a brand new horse, battery and staple';

/** Journeys of one person's account in the dashboard, with the e-mails it sends. */
describe('dashboard: accounts from invitation to offboarding, and the auditor’s download', () => {
  let smtp: TestSmtp;
  // Links in e-mails point at PUBLIC_URL, so the API listens exactly there.
  const suite = useDashboard({
    publicUrl: true,
    env: async () => {
      smtp = await startTestSmtp();
      return { SMTP_URL: smtp.url };
    },
  });
  afterAll(async () => {
    await smtp?.close();
  });

  /** The link of the newest e-mail to `email` (the fragment carries the token). */
  async function linkMailedTo(email: string, count = 1): Promise<string> {
    const mails = await smtp.waitFor(count, (m) => m.to.includes(email));
    return /https?:\/\/\S+#token=[A-Za-z0-9_-]+/.exec(mails[count - 1].text)![0];
  }

  const signOut = async (page: Page) => {
    await page.getByTestId('current-role').click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  };

  it('invite → set a password from the e-mailed link → enrol an authenticator → sign in with its code', async () => {
    const org = await signupOrganization(suite.api.url);
    const email = `robin-${Date.now()}@hospital.test`;
    const admin = await suite.signedIn(org.admin.email);
    await admin.page.goto('/users');
    await admin.page.getByRole('button', { name: 'Invite user' }).click();
    const dialog = admin.page.getByRole('dialog', { name: 'Invite a user' });
    await dialog.getByLabel(field('Full name')).fill('Robin Reyes');
    await dialog.getByLabel(field('Work e-mail')).fill(email);
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    await admin.page.getByRole('dialog', { name: 'Invitation link' }).waitFor();
    await admin.context.close();

    const { page, context } = await suite.open();
    await page.goto(await linkMailedTo(email));
    await page.getByRole('heading', { name: 'Set your password' }).waitFor();
    await page.getByLabel(field('New password')).fill(PASSWORD);
    await page.getByRole('button', { name: 'Set password' }).click();
    await page.getByText('Your password is set, Robin Reyes.').waitFor();
    await page.getByRole('link', { name: 'Sign in' }).click();
    await signIn(page, email);
    await page.goto('/account');
    const secret = await enrolAuthenticator(page);
    await page.getByRole('button', { name: 'I have saved them' }).click();
    await signOut(page);

    await signIn(page, email, PASSWORD, nextTotpCode(secret));
    await expect(page.getByTestId('current-role').textContent()).resolves.toMatch(/marketer/i);
    await context.close();
  });

  it('changes the password on the account page, and resets a forgotten one from the e-mailed link', async () => {
    const org = await signupOrganization(suite.api.url);
    const person = await addUser(suite.api.url, org.admin, 'executive');
    const { page, context } = await suite.signedIn(person.email);
    await page.goto('/account');
    await page.getByLabel(field('Current password')).fill('not my password at all');
    await page.getByLabel(field('New password')).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('currentPassword is incorrect').waitFor(); // under its field
    await page.getByLabel(field('Current password')).fill(PASSWORD);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByRole('status').getByText('Your password is changed.').waitFor();
    await screenshot(page, 'account-password-changed');
    await signOut(page);
    await signIn(page, person.email, NEW_PASSWORD);
    await signOut(page);

    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByLabel(field('Work e-mail')).fill(person.email);
    await page.getByRole('button', { name: 'Send the link' }).click();
    await page.getByText(/a link to choose a new password is on its way/).waitFor();
    await page.goto(await linkMailedTo(person.email, 2)); // the invitation was the first
    await page.getByLabel(field('New password')).fill(PASSWORD);
    await page.getByRole('button', { name: 'Set password' }).click();
    await page.getByText(/every session of your account was signed out/).waitFor();
    await signIn(page, person.email, PASSWORD);
    await context.close();
  });

  it('signs a deactivated user’s open dashboard out at its next request', async () => {
    const org = await signupOrganization(suite.api.url);
    const person = await addUser(suite.api.url, org.admin, 'marketer');
    const user = await suite.signedIn(person.email);

    const admin = await suite.signedIn(org.admin.email);
    await admin.page.goto('/users');
    await admin.page
      .getByRole('row', { name: new RegExp(person.email) })
      .getByRole('button', { name: 'Deactivate' })
      .click();
    const dialog = admin.page.getByRole('dialog');
    await dialog.getByLabel(field('Reason')).fill('Left the hospital');
    await dialog.getByRole('button', { name: 'Deactivate' }).click();
    await admin.page
      .getByRole('row', { name: new RegExp(person.email) })
      .getByText('Deactivated')
      .waitFor();
    await admin.context.close();

    // The open tab's next request (here: another screen) meets a dead session and signs out.
    await user.page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link')
      .nth(1)
      .click();
    await user.page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(new URL(user.page.url()).pathname).toBe('/login');
    await submitSignIn(user.page, person.email);
    await user.page.getByRole('alert').waitFor();
    await user.context.close();
  });

  it('downloads the audit trail for an auditor, and the file verifies offline', async () => {
    const org = await signupOrganization(suite.api.url);
    await addUser(suite.api.url, org.admin, 'compliance');
    const { page, context } = await suite.signedIn(org.admin.email);
    await page.goto('/audit');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download for auditor' }).click(),
    ]);
    const file = join(
      mkdtempSync(join(tmpdir(), 'rounds-download-')),
      download.suggestedFilename(),
    );
    await download.saveAs(file);
    const verified = await runAuditVerify(file);
    expect(verified.stdout).toContain('VALID');
    expect(verified.code).toBe(0);
    await context.close();
  });
});
