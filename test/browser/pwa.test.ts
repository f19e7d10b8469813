import request from 'supertest';
import { PHONE, screenshot, useHospitalDashboard } from './dashboard-browser';
import type { InPage } from './dashboard-browser';

jest.setTimeout(180_000);

interface ManifestIcon {
  src: string;
  sizes: string;
  type: string;
  purpose?: string;
}

/** A PNG's width and height, from its IHDR chunk. */
const pngSize = (png: Buffer) => `${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`;

describe('installable dashboard (PWA)', () => {
  const suite = useHospitalDashboard();

  it('has a manifest with PNG icons of the sizes it names, a 512 px maskable one among them', async () => {
    const { api } = suite;
    const index = await request(api.url).get('/calendar').expect(200);
    expect(index.text).toContain('<link rel="manifest" href="/manifest.webmanifest">');
    const { body } = await request(api.url)
      .get('/manifest.webmanifest')
      .buffer(true)
      .parse((res, done) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => done(null, JSON.parse(text)));
      })
      .expect(200);
    expect(body).toMatchObject({ name: 'Rounds', display: 'standalone', start_url: '/' });
    const icons = body.icons as ManifestIcon[];
    expect(icons.map((i) => [i.sizes, i.purpose ?? 'any'])).toEqual(
      expect.arrayContaining([
        ['192x192', 'any'],
        ['512x512', 'any'],
        ['512x512', 'maskable'],
      ]),
    );
    for (const icon of icons) {
      const png = await request(api.url)
        .get(icon.src)
        .buffer(true)
        .expect(200)
        .expect('Content-Type', 'image/png');
      expect(pngSize(png.body as Buffer)).toBe(icon.sizes);
    }
  });

  it('opens offline with a page that says so, and never keeps an API answer', async () => {
    const { page, context } = await suite.signedIn(suite.h.compliance.email, PHONE);
    await page.goto('/approvals');
    await page.getByRole('heading', { name: 'Approval queue' }).waitFor();
    // It precaches the whole build before it takes control: under CI's load, that can take a while.
    await page.waitForFunction(
      () => (globalThis as unknown as InPage).navigator.serviceWorker.controller !== null,
      undefined,
      { timeout: 120_000 },
    );

    await context.setOffline(true);
    await page.reload();
    await page.getByText('You are offline').waitFor();
    await screenshot(page, 'pwa-offline');
    const cached = await page.evaluate<string[]>(
      'caches.keys().then((names) => Promise.all(names.map((n) => caches.open(n).then((c) => c.keys())))).then((lists) => lists.flat().map((r) => r.url))',
    );
    expect(cached.length).toBeGreaterThan(0);
    expect(cached.filter((url) => new URL(url).pathname.startsWith('/api/'))).toEqual([]);
    await context.close();
  });
});
