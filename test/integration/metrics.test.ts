import type { INestApplicationContext } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  engagementQuery,
  MetricsSweep,
  previousPeriod,
  rebuildRollups,
  reportPeriod,
} from '@rounds/domain';
import { JobProducer, QueueName } from '@rounds/queue';
import { SandboxControlClient, type SandboxXAccount } from '@rounds/sandbox';
import { MetricsProcessor } from '../../apps/worker/src/processors/metrics.processor';
import {
  connectChannel,
  newsroom,
  Newsroom,
  publishedPost,
  publishedXPost,
  query,
  startApiOnSandbox,
  startProcessors,
} from '../factories/metrics.factory';
import { as } from '../factories/posts.factory';

const MINUTE = 60_000;
const COUNTERS = ['impressions', 'likes', 'reposts', 'replies', 'quotes', 'bookmarks'] as const;

interface Snapshot extends Record<(typeof COUNTERS)[number], string> {
  publication_id: string;
}

describe('engagement metrics: collection, rollups and the report', () => {
  let env: Awaited<ReturnType<typeof startApiOnSandbox>>;
  let worker: INestApplicationContext;
  let control: SandboxControlClient;
  let team: Newsroom;
  let account: SandboxXAccount;
  let channelId: string;
  let publicationIds: string[];

  /** Posts a tweet on the sandbox as the account, as the publisher would have. */
  async function tweet(text: string, inReplyTo?: string): Promise<string> {
    const res = await fetch(`${env.sandbox.url}/2/tweets`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${account.accessToken}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        text,
        ...(inReplyTo ? { reply: { in_reply_to_tweet_id: inReplyTo } } : {}),
      }),
    });
    return ((await res.json()) as { data: { id: string } }).data.id;
  }

  /** What X itself says each tweet counted, read straight from the platform. */
  async function countersOnX(ids: string[]) {
    const res = await fetch(
      `${env.sandbox.url}/2/tweets?ids=${ids.join(',')}&tweet.fields=public_metrics`,
      { headers: { authorization: `Bearer ${account.accessToken}` } },
    );
    const { data } = (await res.json()) as {
      data: { id: string; public_metrics: Record<string, number> }[];
    };
    return ids.map((id) => data.find((t) => t.id === id)!.public_metrics);
  }

  const metricsQueue = () => worker.get(JobProducer).queue(QueueName.Metrics);

  /** One sweep, then every job it fanned out (and their retries) finished. */
  async function sweepAndSettle(timeoutMs = 20_000): Promise<void> {
    await worker.get(MetricsSweep).sweep();
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const counts = await metricsQueue().getJobCounts(
        'waiting',
        'active',
        'delayed',
        'prioritized',
      );
      if (Object.values(counts).every((n) => n === 0)) return;
      if (Date.now() > deadline)
        throw new Error(`metrics jobs did not finish: ${JSON.stringify(counts)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** As if the schedule's next step had come: the publications are due now. */
  const makeDue = () =>
    query("UPDATE publication_metrics SET next_metrics_at = now() - interval '1 second'");

  const latestSnapshots = () =>
    query<Snapshot>(
      `SELECT DISTINCT ON (publication_id) * FROM metric_snapshots ORDER BY publication_id, collected_at DESC`,
    );

  const sumOf = (rows: Snapshot[], keys: readonly (typeof COUNTERS)[number][]) =>
    rows.reduce((n, row) => n + keys.reduce((m, k) => m + Number(row[k]), 0), 0);

  beforeAll(async () => {
    env = await startApiOnSandbox();
    control = new SandboxControlClient(env.sandbox.url);
    worker = await startProcessors(MetricsProcessor);
    team = await newsroom(env.api.url);
    account = await control.createXAccount({ followers: 500 });
    channelId = await connectChannel(env.api, team.id, {
      platform: 'x',
      externalAccountId: account.id,
      handle: account.handle,
      accessToken: account.accessToken,
      refreshToken: account.refreshToken,
    });
    publicationIds = [];
    for (const text of [
      'Flu shots this Saturday',
      'Meet our new cardiology team',
      'Walk with a doc',
    ]) {
      const id = await tweet(text);
      const published = await publishedXPost(env.api.url, team, channelId, {
        externalId: id,
        url: `https://x.com/${account.handle}/status/${id}`,
        publishedAt: new Date(Date.now() - 60 * MINUTE),
        text,
      });
      publicationIds.push(published.publicationId);
    }
    // An hour of audience on the sandbox's tweets, so the counters are not all zero.
    await control.advanceClock(60 * MINUTE);
  });
  afterAll(async () => {
    await worker?.close();
    await env?.close();
  });

  it('reads the posts of a channel in one batched request and schedules the next reading', async () => {
    await control.clearRequests();
    await sweepAndSettle();

    const lookups = await control.requests({ platform: 'x', path: '/2/tweets' });
    // One GET /2/tweets for the three posts: their ids went in one request.
    expect(lookups.filter((r) => r.method === 'GET' && r.path === '/2/tweets')).toHaveLength(1);

    const snapshots = await latestSnapshots();
    expect(snapshots.map((s) => s.publication_id).sort()).toEqual([...publicationIds].sort());
    expect(sumOf(snapshots, ['impressions'])).toBeGreaterThan(0);

    // Published an hour ago: still in the first day, read again in 15 minutes.
    const [schedule] = await query<{ minutes: number }>(
      `SELECT round(extract(epoch FROM next_metrics_at - last_collected_at) / 60)::int AS minutes
       FROM publication_metrics WHERE publication_id = $1`,
      [publicationIds[0]],
    );
    expect(schedule.minutes).toBe(15);
  });

  it('adds only what grew since the previous reading to the day, matching a rebuild from snapshots', async () => {
    const before = await query<Record<string, string>>(
      `SELECT sum(impressions) AS impressions FROM publication_daily_metrics WHERE organization_id = $1`,
      [team.id],
    );
    await control.advanceClock(45 * MINUTE);
    await makeDue();
    await sweepAndSettle();

    const [{ count }] = await query<{ count: string }>('SELECT count(*) FROM metric_snapshots');
    expect(Number(count)).toBe(6);
    const latest = await latestSnapshots();
    const [rollup] = await query<Record<string, string>>(
      `SELECT ${COUNTERS.map((k) => `sum(${k}) AS ${k}`).join(', ')} FROM publication_daily_metrics
       WHERE organization_id = $1`,
      [team.id],
    );
    for (const k of COUNTERS) expect(Number(rollup[k])).toBe(sumOf(latest, [k]));
    expect(Number(rollup.impressions)).toBeGreaterThan(Number(before[0].impressions));

    // The rebuild path (repair and benchmark) must agree with what collection maintained.
    const dataSource = env.api.app.get(DataSource);
    const channelDays = (manager: EntityManager = dataSource.manager) =>
      manager.query(
        `SELECT channel_id, day, posts_published, ${COUNTERS.join(', ')} FROM channel_daily_metrics
         WHERE organization_id = $1 ORDER BY channel_id, day`,
        [team.id],
      );
    const incremental = await channelDays();
    const runner = dataSource.createQueryRunner();
    await runner.startTransaction();
    try {
      await rebuildRollups(runner.manager, team.id);
      expect(await channelDays(runner.manager)).toEqual(incremental);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });

  it('waits out a rate limit and collects afterwards, losing nothing', async () => {
    await control.addFault({
      platform: 'x',
      method: 'GET',
      path: '/2/tweets',
      mode: 'status',
      status: 429,
      count: 1,
      // X's reset header, in real time: the sandbox clock runs ahead of it here.
      headers: { 'x-rate-limit-reset': String(Math.ceil(Date.now() / 1000) + 2) },
    });
    await makeDue();
    await control.advanceClock(30 * MINUTE);
    const [{ last }] = await query<{ last: Date }>(
      'SELECT max(last_collected_at) AS last FROM publication_metrics',
    );

    await worker.get(MetricsSweep).sweep();
    await waitFor(async () => (await metricsQueue().getJobCounts('delayed')).delayed === 1);
    const held = await query<{ due: boolean; leased: boolean }>(
      'SELECT next_metrics_at <= now() AS due, lease_until > now() AS leased FROM publication_metrics',
    );
    expect(held.every((r) => r.due && r.leased)).toBe(true);

    await sweepAndSettle();
    const collected = await query<{ last: Date }>(
      'SELECT last_collected_at AS last FROM publication_metrics',
    );
    expect(collected.every((r) => r.last > last)).toBe(true);
    const [{ count }] = await query<{ count: string }>('SELECT count(*) FROM metric_snapshots');
    expect(Number(count)).toBe(9);
  });

  it("reads each channel's followers once a day", async () => {
    const rows = await query<{ followers: number; day: string }>(
      `SELECT followers, to_char(day, 'YYYY-MM-DD') AS day FROM channel_audiences WHERE channel_id = $1`,
      [channelId],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].followers).toBeGreaterThanOrEqual(500);
  });

  it('counts the X read requests it made per day', async () => {
    const [usage] = await query<{ requests: string }>(
      `SELECT sum(requests) AS requests FROM platform_usage WHERE platform = 'x' AND operation = 'tweets.lookup'`,
    );
    // Three successful batch reads and the one that was rate limited.
    expect(Number(usage.requests)).toBe(4);
  });

  it('reports the totals the snapshots add up to, each with its formula, as JSON and CSV', async () => {
    const latest = await latestSnapshots();
    const report = await as(env.api.url, team.executive).get('/reports/engagement').expect(200);
    const { kpis } = report.body;
    expect(kpis.postsPublished).toMatchObject({ value: 3, previous: 0, changePct: null });
    expect(kpis.impressionsOrViews.value).toBe(sumOf(latest, ['impressions']));
    const engagements = sumOf(latest, ['likes', 'reposts', 'replies', 'quotes', 'bookmarks']);
    expect(kpis.engagements.value).toBe(engagements);
    expect(kpis.engagements.formula).toBe(
      'engagements = likes + reposts + replies + quotes + bookmarks (X); likes + comments (YouTube)',
    );
    expect(kpis.engagementRate.formula).toContain(
      'engagements / impressions (X) or views (YouTube)',
    );
    expect(report.body.topPosts).toHaveLength(3);
    expect(report.body.topPosts[0]).toMatchObject({
      url: expect.stringContaining('https://x.com/'),
    });
    expect(report.body.channels).toEqual([
      expect.objectContaining({
        channelId,
        handle: account.handle,
        kpis: expect.objectContaining({
          engagements: expect.objectContaining({ value: engagements }),
        }),
      }),
    ]);
    const today = report.body.series.at(-1);
    expect(today.engagements).toBe(engagements);

    const csv = await as(env.api.url, team.executive)
      .get('/reports/engagement')
      .set('accept', 'text/csv')
      .expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toMatch(
      /^attachment; filename="engagement-.*\.csv"$/,
    );
    expect(csv.text).toContain(`all channels,engagements,${engagements},0,${engagements},,`);
  });

  it('answers a bad period with a 400 that names the field, and another channel with a 404', async () => {
    const bad = await as(env.api.url, team.executive).get(
      '/reports/engagement?from=2026-05-01&to=2026-04-01',
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'from' })]);
    const other = await newsroom(env.api.url);
    await as(env.api.url, other.executive)
      .get(`/reports/engagement?channelId=${channelId}`)
      .expect(404);
  });

  it('stops reading a post that was deleted on the platform, keeping what it had', async () => {
    const [gone] = await query<{ external_id: string; engagements: string }>(
      'SELECT external_id, engagements FROM publication_metrics WHERE publication_id = $1',
      [publicationIds[0]],
    );
    await fetch(`${env.sandbox.url}/2/tweets/${gone.external_id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${account.accessToken}` },
    });
    await makeDue();
    await sweepAndSettle();
    const [row] = await query<{ next: Date | null; gone: Date | null; engagements: string }>(
      `SELECT next_metrics_at AS next, gone_at AS gone, engagements FROM publication_metrics
       WHERE publication_id = $1`,
      [publicationIds[0]],
    );
    expect(row).toMatchObject({
      next: null,
      gone: expect.any(Date),
      engagements: gone.engagements,
    });
  });

  it('reads each tweet of a thread: the publication counts their sum, the report each tweet', async () => {
    const texts = [
      'Our new tower, a thread: 1/3',
      'Level 1: the new ER. 2/3',
      'Level 2: imaging. 3/3',
    ];
    const ids: string[] = [];
    for (const text of texts) ids.push(await tweet(text, ids.at(-1)));
    const { publicationId } = await publishedPost(
      env.api.url,
      team,
      {
        channelIds: [channelId],
        x: { text: texts[0], thread: texts.slice(1).map((text) => ({ text })) },
      },
      {
        externalId: ids[0],
        url: `https://x.com/${account.handle}/status/${ids[0]}`,
        publishedAt: new Date(Date.now() - 30 * MINUTE),
      },
    );
    await query('UPDATE publications SET thread_tweet_ids = $2 WHERE id = $1', [
      publicationId,
      JSON.stringify(ids),
    ]);
    await control.advanceClock(30 * MINUTE);
    // X's counters grow by the second: what the product read lies between X's before and after.
    const before = await countersOnX(ids);
    await sweepAndSettle();
    const after = await countersOnX(ids);

    const [row] = await query<Record<string, string> & { tweet_metrics: Record<string, number>[] }>(
      'SELECT * FROM publication_metrics WHERE publication_id = $1',
      [publicationId],
    );
    const stored = row.tweet_metrics;
    expect(stored.map((t) => t.tweetId)).toEqual(ids);
    ids.forEach((_, i) => {
      for (const [ours, theirs] of [
        ['impressions', 'impression_count'],
        ['likes', 'like_count'],
        ['reposts', 'retweet_count'],
      ]) {
        expect(stored[i][ours]).toBeGreaterThanOrEqual(before[i][theirs]);
        expect(stored[i][ours]).toBeLessThanOrEqual(after[i][theirs]);
      }
    });
    expect(before[0].impression_count).toBeGreaterThan(0);
    const total = (key: string) => stored.reduce((n, t) => n + (t[key] ?? 0), 0);
    expect(Number(row.impressions)).toBe(total('impressions'));
    expect(Number(row.likes)).toBe(total('likes'));

    const report = await as(env.api.url, team.executive).get('/reports/engagement').expect(200);
    const top = report.body.topPosts.find(
      (p: { publicationId: string }) => p.publicationId === publicationId,
    );
    const engagementsOf = (t: Record<string, number>) =>
      ['likes', 'reposts', 'replies', 'quotes', 'bookmarks'].reduce((n, k) => n + (t[k] ?? 0), 0);
    expect(top.tweets).toEqual(
      stored.map((t) => ({
        tweetId: t.tweetId,
        impressionsOrViews: t.impressions,
        engagements: engagementsOf(t),
      })),
    );
    expect(top.engagements).toBe(stored.reduce((n, t) => n + engagementsOf(t), 0));
  });

  it('reads only rollups, never the raw snapshots (EXPLAIN of the report statement)', async () => {
    const period = reportPeriod({ from: '2026-01-01', to: '2026-12-31' }, 'America/Chicago');
    const { sql, params } = engagementQuery(
      { organizationId: team.id },
      period,
      previousPeriod(period, 'America/Chicago'),
      'week',
    );
    const dataSource = env.api.app.get(DataSource);
    const plan = JSON.stringify(await dataSource.query(`EXPLAIN (FORMAT JSON) ${sql}`, params));
    for (const table of ['channel_daily_metrics', 'channel_audiences', 'publication_metrics']) {
      expect(plan).toContain(table);
    }
    expect(plan).not.toContain('metric_snapshots');
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}
