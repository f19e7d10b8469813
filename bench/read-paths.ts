// Read-path benchmark: the screens people keep open all day, on one API process. Seeds a busy
// organization (300 posts over 10 channels in one month, 50 of them in review, 500 inbox messages,
// a year of published posts with their daily metrics), then 100 concurrent clients for 15 s on
// each of the calendar month, the approval queue, the inbox and the 30-day engagement report,
// each just after /health/live in the same run. Exits non-zero on a missed target.
// Run: npm run bench -- read-paths   (BENCH_SECONDS, BENCH_CONNECTIONS to change the load;
// BENCH_API_NODE_ARGS="--cpu-prof" profiles the API)
import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@rounds/database';
import {
  as,
  createChannel,
  createPost,
  hospital,
  submittedPost,
  xPost,
} from '../test/factories/posts.factory';
import { startStack, Stack } from '../test/support/processes';
import { createTemplateDatabase } from '../test/support/test-database';
import { insertPublishedPosts } from './support/published-posts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 100);
const MONTH = { from: '2031-05-01T00:00:00Z', to: '2031-05-31T23:59:59Z' };
const POSTS = 300;
const IN_REVIEW = 50;
const MESSAGES = 500;
const PUBLISHED = 300;

interface Figures {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

async function measure(stack: Stack, name: string, path: string, token?: string): Promise<Figures> {
  const result = await autocannon({
    url: `${stack.apiUrl}${path}`,
    connections: CONNECTIONS,
    duration: SECONDS,
    // What a browser's fetch sends: the calendar's own request accepts gzip.
    headers: {
      'accept-encoding': 'gzip, deflate, br',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
  });
  return {
    name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

async function seed(stack: Stack) {
  process.env.DATABASE_URL = stack.env.DATABASE_URL; // the factories write channels directly
  const h = await hospital(stack.apiUrl);
  const channels = [h.channels.x, h.channels.youtube];
  for (let i = 0; i < 8; i++) channels.push(await createChannel(h.id, i % 2 ? 'youtube' : 'x'));
  const xChannels = [h.channels.x, ...channels.slice(2).filter((_, i) => i % 2 === 0)];
  const at = (i: number) =>
    `2031-05-${String(1 + (i % 30)).padStart(2, '0')}T${String(8 + (i % 10)).padStart(2, '0')}:15`;
  const body = (i: number) =>
    xPost(h, {
      channelIds: [xChannels[i % xChannels.length]],
      scheduledAt: at(i),
      text: `Post ${i}: our free flu shot clinics run all month at every campus. No appointment needed, bring your insurance card if you have one.`,
    });
  for (let i = 0; i < POSTS; i += 10) {
    await Promise.all(
      Array.from({ length: 10 }, (_, k) =>
        i + k < IN_REVIEW
          ? submittedPost(stack.apiUrl, h, body(i + k))
          : createPost(stack.apiUrl, h.marketer, body(i + k)),
      ),
    );
  }
  // The owner login: the seed makes a scratch table, which the runtime login may not.
  const ds = await new DataSource(dataSourceOptions(stack.env.MIGRATION_DATABASE_URL)).initialize();
  try {
    await ds.query(
      `INSERT INTO conversation_messages (organization_id, channel_id, platform, external_id,
         in_reply_to_external_id, author_handle, author_name, text, received_at)
       SELECT $1, $2, 'x', 'm' || i, 'p' || i, 'neighbor' || i, 'Neighbor ' || i,
              'When does the clinic on Main St open on Saturdays? #' || i,
              now() - i * interval '17 minutes'
       FROM generate_series(1, $3) i`,
      [h.id, h.channels.x, MESSAGES],
    );
    await insertPublishedPosts(ds, {
      organizationId: h.id,
      userId: h.marketer.userId,
      channels: channels.map((id, n) => ({ id, platform: n % 2 ? 'youtube' : 'x' })),
      count: PUBLISHED,
      newestDaysAgo: 0,
      spanDays: 365,
    });
    // Each publication's first 90 days of daily figures (up to today).
    await ds.query(
      `INSERT INTO publication_daily_metrics (publication_id, day, organization_id, channel_id,
         impressions, views, likes, reposts, replies, quotes, bookmarks, comments)
       SELECT g.publication_id, (g.published_at + d * interval '1 day')::date, $1, g.channel_id,
              CASE WHEN g.platform = 'x' THEN 900 / (d + 1) ELSE 0 END,
              CASE WHEN g.platform = 'youtube' THEN 400 / (d + 1) ELSE 0 END,
              40 / (d + 1), 8 / (d + 1), 4 / (d + 1), 1, 2, CASE WHEN g.platform = 'youtube' THEN 3 ELSE 0 END
       FROM bench_gen g CROSS JOIN generate_series(0, 89) d
       WHERE g.published_at + d * interval '1 day' <= now()`,
      [h.id],
    );
    await ds.query('DROP TABLE bench_gen');
    // Vacuumed as a database in steady state is: no autovacuum of the seed runs while timing.
    await ds.query('VACUUM ANALYZE');
  } finally {
    await ds.destroy();
  }
  return h;
}

async function main() {
  process.env.ROUNDS_TEMPLATE_DB = `rounds_tpl_${randomBytes(5).toString('hex')}`;
  await createTemplateDatabase();
  const apiNodeArgs = (process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const stack = await startStack({ env: { LOG_LEVEL: 'warn' }, apiNodeArgs });
  try {
    console.log(
      `  seeding: ${POSTS} posts (${IN_REVIEW} in review), ${MESSAGES} messages, ${PUBLISHED} published with 90 days of metrics`,
    );
    const h = await seed(stack);
    const month = `/api/v1/posts?from=${MONTH.from}&to=${MONTH.to}`;
    const report = '/api/v1/reports/engagement';
    // Each answers as expected before it is timed.
    const calendar = await as(stack.apiUrl, h.marketer).get(month.slice(7)).expect(200);
    if (calendar.body.length !== POSTS) throw new Error(`calendar: ${calendar.body.length} posts`);
    const queue = await as(stack.apiUrl, h.compliance).get('/approvals/queue').expect(200);
    if (queue.body.length !== IN_REVIEW) throw new Error(`queue: ${queue.body.length} posts`);
    await as(stack.apiUrl, h.marketer).get('/conversations?limit=50').expect(200);
    await as(stack.apiUrl, h.executive).get('/reports/engagement').expect(200);
    const held = await as(stack.apiUrl, h.marketer)
      .get(month.slice(7))
      .set('If-None-Match', calendar.headers.etag as string);
    const wire = Number(calendar.headers['content-length']); // supertest accepts gzip
    console.log(
      `  calendar: ${Math.round(calendar.text.length / POSTS)} bytes a post, ${Math.round(wire / POSTS)} on the wire (${calendar.headers['content-encoding']}); with its ETag: ${held.status}`,
    );

    // Each screen right after /health/live, so each is compared with the process's ceiling in its
    // own stretch of time: on a shared machine that ceiling moves by a third from minute to minute.
    const screens: [string, string, string][] = [
      ['calendar month (300 posts)', month, h.marketer.accessToken],
      ['approval queue (50 in review)', '/api/v1/approvals/queue', h.compliance.accessToken],
      ['inbox (first 50 of 500)', '/api/v1/conversations?limit=50', h.marketer.accessToken],
      ['30-day engagement report', report, h.executive.accessToken],
    ];
    const rows: (Figures & { live: Figures })[] = [];
    for (const [name, path, token] of screens) {
      const live = await measure(stack, '/health/live', '/health/live');
      rows.push({ ...(await measure(stack, name, path, token)), live });
    }
    console.log(
      '\n| request | req/s | p50 ms | p99 ms | /health/live just before: req/s, p99 ms | × its req/s | non-2xx | errors |',
    );
    console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const r of rows) {
      console.log(
        `| ${r.name} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.live.rps.toFixed(0)}, ${r.live.p99} | ${(r.rps / r.live.rps).toFixed(2)} | ${r.non2xx} | ${r.errors} |`,
      );
    }
    const [cal, q, inbox, rep] = rows;
    // The 100 ms is 1.27 × the p99 it measured for /health/live (79 ms). Where the
    // process's own ceiling is slower than that, no handler can beat it: the target then scales
    // with the p99 of /health/live measured just before.
    const reportP99 = Math.max(100, Math.round(1.25 * rep.live.p99));
    const targets: [string, boolean][] = [
      ['calendar ≥ 700 req/s', cal.rps >= 700],
      ['calendar ≥ 0.25 × /health/live', cal.rps >= 0.25 * cal.live.rps],
      ['calendar p99 ≤ 250 ms', cal.p99 <= 250],
      ['approval queue p99 ≤ 250 ms', q.p99 <= 250],
      ['inbox p99 ≤ 250 ms', inbox.p99 <= 250],
      [`report p99 ≤ ${reportP99} ms (100, or 1.25 × /health/live's p99)`, rep.p99 <= reportP99],
      ['a repeated calendar request with its ETag answers 304', held.status === 304],
      [
        'every answer 2xx, no errors',
        rows.flatMap((r) => [r, r.live]).every((r) => r.non2xx === 0 && r.errors === 0),
      ],
    ];
    console.log('');
    for (const [target, met] of targets) console.log(`  ${met ? 'met   ' : 'MISSED'} ${target}`);
    process.exitCode = targets.every(([, met]) => met) ? 0 : 1;
  } finally {
    await stack.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
