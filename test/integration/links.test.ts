import type { INestApplicationContext } from '@nestjs/common';
import { DateTime } from 'luxon';
import { LinkClickCounter, LinkClicksFlush, LinkRedirects } from '@rounds/domain';
import { SandboxControlClient } from '@rounds/sandbox';
import { signupOrganization } from '../factories/identity.factory';
import { BROWSER, reserveLink, visit } from '../factories/links.factory';
import { uploadFixture } from '../factories/media.factory';
import { connectChannel, query, startApiOnSandbox } from '../factories/metrics.factory';
import {
  approvedPost,
  as,
  createPost,
  hospital,
  Hospital,
  inHours,
  PostBody,
  submittedPost,
  xPost,
} from '../factories/posts.factory';
import { waitFor } from '../factories/publishing.factory';
import { startTestWorker } from '../support/test-worker';

const BASE = 'https://go.mercy.org';
const HEART = 'https://www.mercy.org/heart-month';
const ZONE = 'America/Chicago';

interface Link {
  code: string;
  shortUrl: string;
  url: string;
  destination: string;
}

const xLinks = (post: PostBody) => (post.revision.content.x as { links?: Link[] }).links;

describe('tracked links', () => {
  let env: Awaited<ReturnType<typeof startApiOnSandbox>>;
  let h: Hospital;
  let worker: INestApplicationContext | undefined;
  const url = () => env.api.url;
  const flush = () => env.api.app.get(LinkClicksFlush).flush();
  const clicksOf = (code: string) =>
    query<{ day: string; clicks: number; previews: number }>(
      `SELECT to_char(d.day, 'YYYY-MM-DD') AS day, d.clicks, d.previews FROM link_daily_clicks d
       JOIN tracked_links l ON l.id = d.link_id WHERE l.code = $1 ORDER BY d.day`,
      [code],
    );

  /** A post by the marketer whose X text carries a short link for `address`. */
  async function linkedPost(address = HEART, fields: Record<string, unknown> = {}) {
    const link = await reserveLink(url(), h.marketer, address);
    const body = xPost(h, { text: `Free heart screenings all month: ${link.shortUrl}`, ...fields });
    return { link, body };
  }

  beforeAll(async () => {
    env = await startApiOnSandbox({ SHORT_LINK_BASE_URL: BASE });
    h = await hospital(url(), ZONE);
  });
  afterAll(async () => {
    await worker?.close();
    await env?.close();
  });

  it('reserves a short link for an http(s) address and refuses anything else, naming the field', async () => {
    const link = await reserveLink(url(), h.marketer, `${HEART}?lang=es`);
    expect(link).toEqual({
      code: expect.stringMatching(/^[0-9A-Za-z]{10}$/),
      shortUrl: `${BASE}/l/${link.code}`,
      url: `${HEART}?lang=es`,
    });
    for (const bad of [
      'javascript:alert(1)',
      'ftp://files.mercy.org/a',
      '/heart-month',
      'https://user:secret@www.mercy.org/',
      `${BASE}/l/${link.code}`,
    ]) {
      const response = await as(url(), h.marketer).post('/links', { url: bad });
      expect({ bad, status: response.status, field: response.body.errors?.[0]?.field }).toEqual({
        bad,
        status: 400,
        field: 'url',
      });
    }
  });

  it('keeps the short link in the text and its destination for the post in the revision', async () => {
    const { link, body } = await linkedPost(HEART, { campaign: 'Heart Month' });
    const post = await createPost(url(), h.marketer, body);
    expect(post.revision.content.x).toMatchObject({ text: body.text });
    expect(xLinks(post)).toEqual([
      {
        code: link.code,
        shortUrl: `${BASE}/l/${link.code}`,
        url: HEART,
        destination: `${HEART}?utm_source=x&utm_medium=social&utm_campaign=Heart+Month&utm_content=${post.id}`,
      },
    ]);
    // X counts any link as 23 characters, the short link included.
    expect(body.text.length - link.shortUrl.length + 23).toBeLessThan(280);

    // The same short link in another post, or another organization's, is refused.
    const again = await as(url(), h.marketer).post('/posts', xPost(h, { text: body.text }));
    expect(again.status).toBe(400);
    expect(again.body.errors[0].field).toBe('x.text');
    const other = await signupOrganization(url());
    const theirs = await reserveLink(url(), other.admin, HEART);
    const foreign = await as(url(), h.marketer).post(
      '/posts',
      xPost(h, { text: `See ${theirs.shortUrl}` }),
    );
    expect(foreign.status).toBe(400);
    expect(foreign.body.message).toContain('not a link your organization tracks');
  });

  it('redirects an approved link with 302 to its stored destination, and answers 404 otherwise', async () => {
    const approved = await linkedPost();
    const post = await approvedPost(url(), h, approved.body);
    const waiting = await linkedPost();
    await submittedPost(url(), h, waiting.body);
    const unused = await reserveLink(url(), h.marketer, HEART);

    const response = await visit(url(), approved.link.code);
    expect(response.status).toBe(302);
    expect(response.headers.location).toBe(
      `${HEART}?utm_source=x&utm_medium=social&utm_content=${post.id}`,
    );
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['set-cookie']).toBeUndefined();
    // A query string never chooses the destination.
    const steered = await visit(url(), `${approved.link.code}?url=https://evil.example.com`);
    expect(steered.headers.location).toBe(response.headers.location);

    for (const code of [
      waiting.link.code, // in review: not approved yet
      unused.code, // reserved, in no post
      'Zz9yY8xX7w', // never issued
      'not-a-code',
      'https:%2F%2Fevil.example.com',
    ]) {
      const missing = await visit(url(), code);
      expect({ code, status: missing.status, location: missing.headers.location }).toEqual({
        code,
        status: 404,
        location: undefined,
      });
    }
  });

  it('counts people as clicks and preview fetchers, bots and scripts apart, in Redis until the flush', async () => {
    const { link, body } = await linkedPost();
    await approvedPost(url(), h, body);
    await flush(); // what earlier tests counted
    const agents = [
      'Twitterbot/1.0',
      'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
      'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)',
      'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)',
      'curl/8.5.0',
    ];
    for (let i = 0; i < 7; i++) expect((await visit(url(), link.code)).status).toBe(302);
    for (const agent of agents) expect((await visit(url(), link.code, agent)).status).toBe(302);
    expect((await visit(url(), link.code, BROWSER, 'head')).status).toBe(302);

    // Nothing reached PostgreSQL on the way: the visits wait in Redis.
    expect(await clicksOf(link.code)).toEqual([]);
    expect(await flush()).toBe(13);
    const today = DateTime.now().setZone(ZONE).toISODate();
    expect(await clicksOf(link.code)).toEqual([{ day: today, clicks: 7, previews: 6 }]);
    expect(await flush()).toBe(0);
    expect(await clicksOf(link.code)).toEqual([{ day: today, clicks: 7, previews: 6 }]);
  });

  it('counts each visit on its day in the organization’s time zone', async () => {
    const { link, body } = await linkedPost();
    await approvedPost(url(), h, body);
    const redirects = env.api.app.get(LinkRedirects);
    const at = (iso: string) => redirects.follow(link.code, 'GET', BROWSER, new Date(iso));
    await at('2031-03-01T05:30:00Z'); // 23:30 on Feb 28 in Chicago
    await at('2031-03-01T06:30:00Z'); // 00:30 on Mar 1
    await at('2031-03-01T17:00:00Z');
    await redirects.follow(link.code, 'GET', 'Twitterbot/1.0', new Date('2031-03-02T12:00:00Z'));
    await flush();
    expect(await clicksOf(link.code)).toEqual([
      { day: '2031-02-28', clicks: 1, previews: 0 },
      { day: '2031-03-01', clicks: 2, previews: 0 },
      { day: '2031-03-02', clicks: 0, previews: 1 },
    ]);
  });

  it('adds a batch once when the flush dies after PostgreSQL took it', async () => {
    const { link, body } = await linkedPost();
    await approvedPost(url(), h, body);
    for (let i = 0; i < 3; i++) await visit(url(), link.code);
    const counter = env.api.app.get(LinkClickCounter);
    jest.spyOn(counter, 'release').mockRejectedValueOnce(new Error('worker killed'));
    await expect(flush()).rejects.toThrow('worker killed');
    expect((await clicksOf(link.code))[0].clicks).toBe(3);

    await visit(url(), link.code); // counted while the old batch waits in Redis
    await flush(); // the old batch again: found added, only released
    expect((await clicksOf(link.code))[0].clicks).toBe(3);
    await flush();
    expect((await clicksOf(link.code))[0].clicks).toBe(4);
  });

  it('fixes the destination at approval: changing it is an edit that voids the approval', async () => {
    const { link, body } = await linkedPost(HEART, { campaign: 'Heart Month' });
    const post = await approvedPost(url(), h, body);
    expect(post.status).toBe('scheduled');
    const [stored] = await query<{ destination: string }>(
      'SELECT destination FROM tracked_links WHERE code = $1',
      [link.code],
    );
    expect(stored.destination).toBe(xLinks(post)![0].destination);

    // The campaign is in the destination (utm_campaign): a new one is new content.
    const edited = (
      await as(url(), h.marketer)
        .patch(`/posts/${post.id}`, { campaign: 'Stroke Awareness' })
        .expect(200)
    ).body as PostBody;
    expect(edited.status).toBe('draft');
    expect(edited.revision.number).toBe(2);
    expect(edited.approvedRevisionId).toBeNull();
    expect(edited.approvals.map((a) => a.voidedAt)).toEqual([expect.any(String)]);
    const destination = `${HEART}?utm_source=x&utm_medium=social&utm_campaign=Stroke+Awareness&utm_content=${post.id}`;
    expect(xLinks(edited)).toEqual([{ ...link, url: HEART, destination }]);
    expect(edited.revision.contentHash).not.toBe(post.revision.contentHash);
    expect((await visit(url(), link.code)).status).toBe(404);

    await as(url(), h.marketer).post(`/posts/${post.id}/submit`).expect(200);
    await as(url(), h.compliance)
      .post(`/posts/${post.id}/approve`, { revisionId: edited.revision.id })
      .expect(200);
    // Cached as missing a moment ago: a fresh lookup once that expires.
    await waitFor('the new destination', async () => {
      const response = await visit(url(), link.code);
      return response.status === 302 && response.headers.location === destination;
    });
  });

  it('reports clicks and click-through rate per channel, post and campaign, each with its formula', async () => {
    const team = await hospital(url(), ZONE);
    const video = await uploadFixture(url(), team.marketer, 'clip.mp4');
    const today = DateTime.now().setZone(ZONE).toISODate()!;
    const reserve = () => reserveLink(url(), team.marketer, HEART);
    const [a, b, d] = [await reserve(), await reserve(), await reserve()];
    const x = (text: string, campaign: string | null) =>
      xPost(team, { text, campaign, channelIds: [team.channels.x] });
    const posts = {
      a: await approvedPost(url(), team, x(`Screenings ${a.shortUrl}`, 'Heart Month')),
      b: await approvedPost(url(), team, {
        channelIds: [team.channels.youtube],
        scheduledAt: inHours(24),
        campaign: 'Heart Month',
        youtube: {
          videoMediaId: video.id,
          title: 'Heart month at Mercy',
          description: `Book a screening: ${b.shortUrl}`,
          madeForKids: false,
        },
      }),
      c: await approvedPost(url(), team, x('Heart month starts today.', 'Heart Month')),
      d: await approvedPost(url(), team, x(`Parking ${d.shortUrl}`, null)),
    };
    // Published, with the day's impressions and views as the metrics rollups would hold them.
    const reach = { a: 2000, b: 500, c: 1000, d: 1500 };
    for (const [key, post] of Object.entries(posts)) {
      const [publication] = await query<{ id: string; channel_id: string; platform: string }>(
        `UPDATE publications SET status = 'published', published_at = now() WHERE post_id = $1
         RETURNING id, channel_id, platform`,
        [post.id],
      );
      const n = reach[key as keyof typeof reach];
      const [impressions, views] = publication.platform === 'x' ? [n, 0] : [0, n];
      await query(
        `INSERT INTO publication_daily_metrics (publication_id, day, organization_id, channel_id, impressions, views)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [publication.id, today, team.id, publication.channel_id, impressions, views],
      );
      await query(
        `INSERT INTO channel_daily_metrics (channel_id, day, organization_id, impressions, views)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (channel_id, day) DO UPDATE SET impressions = channel_daily_metrics.impressions + $4,
           views = channel_daily_metrics.views + $5`,
        [publication.channel_id, today, team.id, impressions, views],
      );
    }
    const clicks = { [a.code]: 30, [b.code]: 10, [d.code]: 5 };
    for (const [code, n] of Object.entries(clicks)) {
      for (let i = 0; i < n; i++) await visit(url(), code);
      await visit(url(), code, 'Twitterbot/1.0'); // a card preview: never a click
    }
    await flush();

    const report = (await as(url(), team.executive).get('/reports/engagement').expect(200)).body;
    // Worked by hand: X 30 + 5 clicks over 2,000 + 1,000 + 1,500 impressions; YouTube 10 over 500.
    expect(report.kpis.linkClicks).toMatchObject({ value: 45, previous: 0 });
    expect(report.kpis.linkClickThroughRate).toMatchObject({ value: 0.009, previous: 0 });
    const channel = (id: string) =>
      report.channels.find((c: { channelId: string }) => c.channelId === id).kpis;
    expect(channel(team.channels.x).linkClicks.value).toBe(35);
    expect(channel(team.channels.x).linkClickThroughRate.value).toBe(0.0078); // 35 / 4,500
    expect(channel(team.channels.youtube).linkClickThroughRate.value).toBe(0.02); // 10 / 500
    expect(report.links.posts).toEqual([
      expect.objectContaining({
        postId: posts.a.id,
        campaign: 'Heart Month',
        linkClicks: 30,
        impressionsOrViews: 2000,
        linkClickThroughRate: 0.015,
      }),
      expect.objectContaining({
        postId: posts.b.id,
        linkClicks: 10,
        impressionsOrViews: 500,
        linkClickThroughRate: 0.02,
      }),
      expect.objectContaining({
        postId: posts.d.id,
        campaign: null,
        linkClicks: 5,
        impressionsOrViews: 1500,
        linkClickThroughRate: 0.0033,
      }),
    ]);
    // The campaign's posts without a link count in its impressions: 40 / 3,500.
    expect(report.links.campaigns).toEqual([
      {
        campaign: 'Heart Month',
        linkClicks: 40,
        impressionsOrViews: 3500,
        linkClickThroughRate: 0.0114,
      },
    ]);
    expect(report.kpis.linkClickThroughRate.formula).toMatch(
      /^linkClickThroughRate = linkClicks \//,
    );
    expect(report.formulas.linkClicks).toMatch(/preview/);

    const csv = await as(url(), team.executive)
      .get('/reports/engagement')
      .set('Accept', 'text/csv')
      .expect(200);
    const lines = csv.text.split('\r\n');
    expect(lines).toContain(`${posts.a.id},Heart Month,Screenings ${a.shortUrl},30,2000,0.015`);
    expect(lines).toContain('Heart Month,40,3500,0.0114');
    expect(
      lines.find((l) => l.startsWith('all channels,linkClickThroughRate,0.009,0,')),
    ).toBeDefined();
  });

  it('publishes the short link in the tweet X receives; the link then sends its visitors on', async () => {
    const control = new SandboxControlClient(env.sandbox.url);
    const account = await control.createXAccount();
    const channelId = await connectChannel(env.api, h.id, {
      platform: 'x',
      externalAccountId: account.id,
      handle: account.handle,
      accessToken: account.accessToken,
      refreshToken: account.refreshToken,
    });
    worker = await startTestWorker();
    const { link, body } = await linkedPost(HEART, {
      channelIds: [channelId],
      campaign: 'Heart Month',
    });
    const post = await approvedPost(url(), h, body);
    await as(url(), h.marketer)
      .patch(`/posts/${post.id}`, { scheduledAt: new Date(Date.now() + 1500).toISOString() })
      .expect(200);

    const tweets = await waitFor('the tweet', async () => {
      const sent = (await control.xTweets(account.id)).filter((t) =>
        t.text.includes(link.shortUrl),
      );
      return sent.length > 0 && sent;
    });
    expect(tweets.map((t) => t.text)).toEqual([body.text]);
    const response = await visit(url(), link.code);
    expect(response.status).toBe(302);
    expect(response.headers.location).toBe(
      `${HEART}?utm_source=x&utm_medium=social&utm_campaign=Heart+Month&utm_content=${post.id}`,
    );
  });
});
