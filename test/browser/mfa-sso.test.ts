import type { Page } from 'playwright-core';
import { registerOidcClient } from '../../apps/sandbox/src/oidc/oidc-registration';
import { startSandbox, type RunningSandbox } from '../../apps/sandbox/src/sandbox';
import { signupOrganization } from '../factories/identity.factory';
import { nextTotpCode } from '../factories/mfa.factory';
import { putSso, ssoSettings } from '../factories/sso.factory';
import {
  enrolAuthenticator,
  field,
  screenshot,
  submitSignIn,
  useDashboard,
} from './dashboard-browser';

jest.setTimeout(180_000);

const signedIn = (page: Page) =>
  page.getByRole('navigation', { name: 'Main navigation' }).waitFor();

describe('dashboard: two-step verification and single sign-on', () => {
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  // The provider sends the browser back to PUBLIC_URL, so the API listens exactly there.
  const suite = useDashboard({ publicUrl: true });
  afterAll(async () => {
    await sandbox?.close();
  });

  it('enrols an authenticator from the account page, then signs in with its code', async () => {
    const org = await signupOrganization(suite.api.url);
    const { page, context } = await suite.signedIn(org.admin.email);
    await page.getByRole('status').getByText('Set up two-step verification').waitFor();
    await page.getByRole('link', { name: 'your account page' }).click();
    const secret = await enrolAuthenticator(page);
    await screenshot(page, 'mfa-recovery-codes');
    await page.getByRole('button', { name: 'I have saved them' }).click();
    await page.getByTestId('mfa-status').filter({ hasText: 'On' }).waitFor();
    await context.close();

    const again = await suite.open();
    await again.page.goto('/login');
    await submitSignIn(again.page, org.admin.email);
    await again.page.getByRole('heading', { name: 'Two-step verification' }).waitFor();
    await screenshot(again.page, 'login-mfa-step');
    await again.page.getByLabel(field('Authentication code')).fill(nextTotpCode(secret));
    await again.page.getByRole('button', { name: 'Verify' }).click();
    await signedIn(again.page);
    await again.context.close();
  });

  it('"Sign in with SSO" goes through the OpenID provider and lands signed in with the mapped role', async () => {
    const { api } = suite;
    const org = await signupOrganization(api.url);
    const issuer = `${sandbox.url}/oidc`;
    const client = await registerOidcClient(issuer, `${api.url}/api/v1/auth/sso/callback`);
    await putSso(api.url, org.admin, {
      ...ssoSettings(issuer, client),
      emailDomains: ['browser-sso.test'],
    }).expect(200);

    const { page, context } = await suite.open();
    await page.goto('/login');
    await page.getByLabel(field('Work e-mail')).fill('compliance.robin@browser-sso.test');
    await page.getByRole('button', { name: 'Sign in with SSO' }).click();
    await page.waitForURL(`${issuer}/**`);
    await page.getByPlaceholder('Enter any login').fill('compliance.robin@browser-sso.test');
    await page.getByPlaceholder('and password').fill('any password');
    await screenshot(page, 'sso-provider-login');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await signedIn(page);
    await expect(page.getByTestId('current-role').textContent()).resolves.toMatch(/compliance/i);
    await context.close();
  });
});
