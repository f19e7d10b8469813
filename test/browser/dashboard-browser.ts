import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PASSWORD } from '../factories/identity.factory';
import { totpCode } from '../factories/mfa.factory';

const ROOT = join(__dirname, '../..');
const DASHBOARD = join(ROOT, 'apps/dashboard');
const ARTIFACTS = join(ROOT, 'test/artifacts');

export const LAPTOP = { width: 1280, height: 800 };
export const TABLET = { width: 820, height: 1180 };

function newestChange(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestChange(join(path, name))));
}

/** Builds apps/dashboard/dist when a source is newer; the API serves whatever dist holds at boot. */
export function ensureDashboardBuilt(): void {
  const built = join(DASHBOARD, 'dist/index.html');
  const sources = ['src', 'index.html', 'vite.config.mts'].map((p) => join(DASHBOARD, p));
  if (existsSync(built) && statSync(built).mtimeMs > Math.max(...sources.map(newestChange))) return;
  execFileSync(process.execPath, [join(ROOT, 'scripts/build-dashboard.mjs')], {
    cwd: ROOT,
    stdio: 'inherit',
  });
}

/** Debian's Chromium, never a downloaded browser. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

export interface DashboardPage {
  context: BrowserContext;
  page: Page;
}

/** A fresh browser profile (own sessionStorage) on the dashboard served by the API at `url`. */
export async function openDashboard(
  browser: Browser,
  url: string,
  viewport = LAPTOP,
): Promise<DashboardPage> {
  const context = await browser.newContext({ baseURL: url, viewport, timezoneId: 'Europe/Berlin' });
  const page = await context.newPage();
  return { context, page };
}

/** A form field's accessible name, with or without the asterisk of a required field. */
export function field(label: string): RegExp {
  return new RegExp(`^${label}( \\*)?$`);
}

/** Signs in on the login page; with `totpCode`, answers the two-step verification too. */
export async function signIn(
  page: Page,
  email: string,
  password = PASSWORD,
  totpCode?: string,
): Promise<void> {
  await page.goto('/login');
  await page.getByLabel(field('Work e-mail')).fill(email);
  await page.getByLabel(field('Password')).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  if (totpCode) {
    await page.getByLabel(field('Authentication code')).fill(totpCode);
    await page.getByRole('button', { name: 'Verify' }).click();
  }
  await page.getByRole('navigation', { name: 'Main navigation' }).waitFor();
}

/** The names of the links in the main navigation, in order. */
export async function navigationItems(page: Page): Promise<string[]> {
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  return (await nav.getByRole('link').allTextContents()).map((text) => text.trim());
}

/** test/artifacts/<name>.png (git-ignored), for a person to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/**
 * On the account page: sets up an authenticator from the QR code's key, keeps the ten recovery
 * codes, and answers the key (the phone's authenticator app).
 */
export async function enrolAuthenticator(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Set up an authenticator app' }).click();
  await page.getByRole('img', { name: 'QR code for your authenticator app' }).waitFor();
  const secret = (await page.getByTestId('totp-secret').textContent())!.trim();
  await page.getByLabel(field('Code from the app')).fill(totpCode(secret));
  await page.getByRole('button', { name: 'Turn on' }).click();
  const codes = page.getByTestId('recovery-codes').getByRole('listitem');
  await codes.first().waitFor();
  expect(await codes.count()).toBe(10);
  return secret;
}

export const PHONE = { width: 390, height: 844 };

/** A phone: its viewport, touch and a coarse pointer. */
export async function openPhone(browser: Browser, url: string): Promise<DashboardPage> {
  const context = await browser.newContext({
    baseURL: url,
    viewport: PHONE,
    hasTouch: true,
    isMobile: true,
    deviceScaleFactor: 3,
    timezoneId: 'Europe/Berlin',
  });
  return { context, page: await context.newPage() };
}

/**
 * The page's globals, for functions Playwright runs in the page as `(globalThis as InPage)`: the
 * suites compile without the DOM library, and a string predicate is an eval the CSP refuses.
 */
export interface InPage {
  document: { querySelector(selector: string): unknown };
  navigator: { serviceWorker: { controller: unknown } };
}

/** Waits until the screen has its heading and no loader is left spinning. */
export async function screenSettled(page: Page): Promise<void> {
  await page.locator('h1').first().waitFor();
  await page.waitForFunction(
    () => !(globalThis as unknown as InPage).document.querySelector('.mantine-Loader-root'),
  );
}

/** How many CSS pixels the page is wider than its viewport (0 when nothing scrolls sideways). */
export function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
}
