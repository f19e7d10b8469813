import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { PASSWORD } from '../factories/identity.factory';
import { totpCode } from '../factories/mfa.factory';
import { hospital, Hospital } from '../factories/posts.factory';
import { freePort } from '../support/processes';
import { startTestApi, TestApi } from '../support/test-api';
import { startTestWorker } from '../support/test-worker';

const ROOT = join(__dirname, '../..');
const DASHBOARD = join(ROOT, 'apps/dashboard');
const ARTIFACTS = join(ROOT, 'test/artifacts');

/** What a browser profile looks like to the dashboard: its screen, and touch where it has one. */
export type Device = Pick<
  BrowserContextOptions,
  'viewport' | 'hasTouch' | 'isMobile' | 'deviceScaleFactor'
>;

export const LAPTOP: Device = { viewport: { width: 1280, height: 800 } };
export const TABLET: Device = { viewport: { width: 820, height: 1180 } };
/** A phone's screen size alone: the layout at that width, with mouse and fine pointer. */
export const PHONE_SIZE: Device = { viewport: { width: 390, height: 844 } };
/** A phone: its viewport, touch and a coarse pointer. */
export const PHONE: Device = {
  ...PHONE_SIZE,
  hasTouch: true,
  isMobile: true,
  deviceScaleFactor: 3,
};

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
  device = LAPTOP,
): Promise<DashboardPage> {
  const context = await browser.newContext({
    baseURL: url,
    timezoneId: 'Europe/Berlin',
    ...device,
  });
  return { context, page: await context.newPage() };
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
  await submitSignIn(page, email, password);
  if (totpCode) {
    await page.getByLabel(field('Authentication code')).fill(totpCode);
    await page.getByRole('button', { name: 'Verify' }).click();
  }
  await page.getByRole('navigation', { name: 'Main navigation' }).waitFor();
}

/** Fills the login form on screen and presses Sign in, leaving what follows to the caller. */
export async function submitSignIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.getByLabel(field('Work e-mail')).fill(email);
  await page.getByLabel(field('Password')).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/** A fresh browser profile on the dashboard at `url`, signed in as `email`. */
export async function signedInDashboard(
  browser: Browser,
  url: string,
  email: string,
  device = LAPTOP,
): Promise<DashboardPage> {
  const opened = await openDashboard(browser, url, device);
  await signIn(opened.page, email);
  return opened;
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

export interface DashboardSuiteOptions {
  /** More API environment, made when the suite starts (a mail server's URL, say). */
  env?: () => Promise<Record<string, string>>;
  /** The API listens on the port of its PUBLIC_URL, where e-mailed links and SSO come back. */
  publicUrl?: boolean;
  /** The worker runs too (in this process), started after the API and stopped before it. */
  worker?: boolean;
}

/** One describe block's dashboard: a real API over its own database serving it, and a browser. */
export class DashboardSuite {
  api!: TestApi;
  browser!: Browser;
  worker?: INestApplicationContext;

  /** A fresh browser profile (own sessionStorage) on the dashboard. */
  open(device = LAPTOP): Promise<DashboardPage> {
    return openDashboard(this.browser, this.api.url, device);
  }

  /** A fresh browser profile signed in as `email`. */
  signedIn(email: string, device = LAPTOP): Promise<DashboardPage> {
    return signedInDashboard(this.browser, this.api.url, email, device);
  }
}

/** The same with a hospital (its four roles and channels) made once for the suite. */
export class HospitalDashboard extends DashboardSuite {
  h!: Hospital;
}

async function apiEnvironment(options: DashboardSuiteOptions): Promise<Record<string, string>> {
  const env = (await options.env?.()) ?? {};
  if (!options.publicUrl) return env;
  const port = await freePort();
  return { ...env, PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}` };
}

function startAndStop<T extends DashboardSuite>(suite: T, options: DashboardSuiteOptions): T {
  beforeAll(async () => {
    ensureDashboardBuilt();
    suite.api = await startTestApi(await apiEnvironment(options));
    if (options.worker) suite.worker = await startTestWorker();
    suite.browser = await launchBrowser();
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.worker?.close();
    await suite.api?.close();
  });
  return suite;
}

/** Starts the describe block's dashboard before its tests and stops it after them. */
export function useDashboard(options: DashboardSuiteOptions = {}): DashboardSuite {
  return startAndStop(new DashboardSuite(), options);
}

/** `useDashboard` with a hospital made once the API is up. */
export function useHospitalDashboard(options: DashboardSuiteOptions = {}): HospitalDashboard {
  const suite = startAndStop(new HospitalDashboard(), options);
  beforeAll(async () => {
    suite.h = await hospital(suite.api.url);
  });
  return suite;
}
