// Engagement report benchmark: the one-year report of an organization with 50,000 publications and
// 20,000,000 snapshots, read from the daily rollups, against the same figures computed naively from
// the raw snapshots in the same run. Targets: p95 <= 50 ms and >= 100x faster than naive.
// Run: node -r @swc-node/register bench/reports.ts
// (BENCH_POSTGRES_URL: the server, default postgres://postgres@127.0.0.1:5432/postgres;
//  BENCH_PUBLICATIONS: fewer publications for a quick try, 400 snapshots each;
//  BENCH_EXPLAIN=1: print the plan of every report query.)
import { randomBytes, randomUUID } from 'node:crypto';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@rounds/database';
import {
  engagementQuery,
  EngagementReport,
  EngagementReportService,
  previousPeriod,
  rebuildRollups,
  reportPeriod,
  ReportPeriod,
} from '@rounds/domain';
import { enrollPublished } from '@rounds/domain/metrics/metrics-sweep.store';

const ADMIN_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const PUBLICATIONS = Number(process.env.BENCH_PUBLICATIONS ?? 50_000);
const SNAPSHOTS_EACH = 400;
const CHUNK = 2_500;
const RUNS = 200;
const NAIVE_RUNS = 3;
const ZONE = 'America/Chicago';
const ENGAGEMENTS = `coalesce(likes, 0) + coalesce(reposts, 0) + coalesce(replies, 0) + coalesce(quotes, 0)
  + coalesce(bookmarks, 0) + coalesce(comments, 0)`;
const REACH = 'coalesce(impressions, 0) + coalesce(views, 0)';

const databaseUrl = (name: string) =>
  Object.assign(new URL(ADMIN_URL), { pathname: `/${name}` }).toString();

async function admin(sql: string): Promise<void> {
  const client = new Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const result = await work();
  console.log(`  ${label}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return result;
}

/** Organization, author, two X and two YouTube channels; publications of posts and revisions. */
async function seedPublications(ds: DataSource) {
  const organizationId = randomUUID();
  const userId = randomUUID();
  const channels = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  await ds.query(
    `INSERT INTO organizations (id, name, time_zone) VALUES ($1, 'Bench Health', $2)`,
    [organizationId, ZONE],
  );
  await ds.query(
    `INSERT INTO users (id, organization_id, email, name, role, password_hash)
     VALUES ($1, $2, 'bench@bench.test', 'Bench', 'marketer', 'x')`,
    [userId, organizationId],
  );
  await ds.query(
    `INSERT INTO channels (id, organization_id, platform, external_account_id, handle, display_name)
     SELECT id, $2, CASE WHEN n <= 2 THEN 'x' ELSE 'youtube' END, 'acct-' || n, 'bench' || n, 'Bench ' || n
     FROM unnest($1::uuid[]) WITH ORDINALITY AS c(id, n)`,
    [channels, organizationId],
  );
  // Published between 455 and 90 days ago: every snapshot (up to day 90) is in the past.
  await ds.query(
    `CREATE TABLE bench_gen AS
     SELECT i, gen_random_uuid() AS post_id, gen_random_uuid() AS revision_id,
            gen_random_uuid() AS publication_id, ($2::uuid[])[1 + i % 4] AS channel_id,
            CASE WHEN i % 4 < 2 THEN 'x' ELSE 'youtube' END AS platform,
            now() - interval '90 days' - (i::float8 / $1) * interval '365 days' AS published_at
     FROM generate_series(0, $1 - 1) i`,
    [PUBLICATIONS, channels],
  );
  await ds.query(
    `INSERT INTO posts (id, organization_id, status, scheduled_at, current_revision_id,
       approved_revision_id, author_id, last_edited_by_id)
     SELECT post_id, $1, 'published', published_at, revision_id, revision_id, $2, $2 FROM bench_gen`,
    [organizationId, userId],
  );
  await ds.query(
    `INSERT INTO post_revisions (id, organization_id, post_id, number, content, content_hash, edited_by_id)
     SELECT revision_id, $1, post_id, 1,
            jsonb_build_object('channelIds', jsonb_build_array(channel_id), 'categories', '[]'::jsonb,
              'x', CASE WHEN platform = 'x' THEN jsonb_build_object('text', 'Health tip #' || i, 'images', '[]'::jsonb) END,
              'youtube', CASE WHEN platform = 'youtube' THEN jsonb_build_object('title', 'Video #' || i) END),
            md5(i::text) || md5(i::text), $2
     FROM bench_gen`,
    [organizationId, userId],
  );
  await ds.query(
    `INSERT INTO publications (id, organization_id, post_id, channel_id, platform, status,
       approved_revision_id, approved_content_hash, external_id, url, published_at)
     SELECT publication_id, $1, post_id, channel_id, platform, 'published', revision_id,
            md5(i::text) || md5(i::text), 'ext' || i, 'https://x.com/bench/status/' || i, published_at
     FROM bench_gen`,
    [organizationId],
  );
  return { organizationId, channels };
}

/**
 * SNAPSHOTS_EACH readings per publication on the decaying schedule (15 minutes on day 1, hourly
 * to day 7, then about twice a day to day 90), generated by the server (no row inserts), two
 * chunks at a time. The primary key is built once afterwards.
 */
async function generateSnapshots(ds: DataSource, organizationId: string): Promise<void> {
  await ds.query(
    'ALTER TABLE metric_snapshots DROP CONSTRAINT pk_metric_snapshots_publication_id_collected_at',
  );
  const chunks = Array.from({ length: Math.ceil(PUBLICATIONS / CHUNK) }, (_, i) => i * CHUNK);
  const insertChunk = (start: number) =>
    ds.query(
      `INSERT INTO metric_snapshots (publication_id, collected_at, organization_id, channel_id,
         impressions, views, likes, reposts, replies, quotes, bookmarks, comments)
       SELECT g.publication_id, g.published_at + s.age, $1, g.channel_id,
              CASE WHEN x THEN r.reach END, CASE WHEN NOT x THEN r.reach END, l.likes,
              CASE WHEN x THEN l.likes / 5 END, CASE WHEN x THEN l.likes / 10 END,
              CASE WHEN x THEN l.likes / 30 END, CASE WHEN x THEN l.likes / 7 END,
              CASE WHEN NOT x THEN l.likes / 8 END
       FROM bench_gen g
       CROSS JOIN LATERAL (SELECT g.platform = 'x' AS x) p
       CROSS JOIN LATERAL (
         SELECT CASE WHEN k <= 96 THEN k * interval '15 minutes'
                     WHEN k <= 240 THEN interval '1 day' + (k - 96) * interval '1 hour'
                     ELSE interval '7 days' + (k - 240) * (interval '83 days' / ${SNAPSHOTS_EACH - 240}) END AS age
         FROM generate_series(1, ${SNAPSHOTS_EACH}) k) s
       CROSS JOIN LATERAL (
         SELECT floor((20 + (g.i::bigint * 7919) % 400) * sqrt(extract(epoch FROM s.age) / 60))::bigint AS reach) r
       CROSS JOIN LATERAL (
         SELECT floor(r.reach * (0.01 + ((g.i::bigint * 104729) % 40) / 1000.0))::bigint AS likes) l
       WHERE g.i >= $2 AND g.i < $3`,
      [organizationId, start, start + CHUNK],
    );
  for (let i = 0; i < chunks.length; i += 2) {
    await Promise.all(chunks.slice(i, i + 2).map(insertChunk));
    const done = Math.min((i + 2) * CHUNK, PUBLICATIONS) * SNAPSHOTS_EACH;
    process.stdout.write(`\r  snapshots: ${done.toLocaleString('en-US')} rows`);
  }
  process.stdout.write('\n');
  await ds.query(
    'ALTER TABLE metric_snapshots ADD CONSTRAINT pk_metric_snapshots_publication_id_collected_at PRIMARY KEY (publication_id, collected_at)',
  );
}

/** A follower reading per channel per day, growing a little every day. */
async function generateAudiences(ds: DataSource, organizationId: string, channels: string[]) {
  await ds.query(
    `INSERT INTO channel_audiences (channel_id, day, organization_id, followers, collected_at)
     SELECT c.id, d::date, $2, 5000 * c.n + (d::date - (now() - interval '460 days')::date) * (2 + c.n),
            d + interval '9 hours'
     FROM unnest($1::uuid[]) WITH ORDINALITY AS c(id, n)
     CROSS JOIN generate_series((now() - interval '460 days')::date, now()::date, interval '1 day') d`,
    [channels, organizationId],
  );
}

interface NaiveFigures {
  reach: number;
  engagements: number;
  previousReach: number;
  previousEngagements: number;
  posts: number;
  series: number;
  topPosts: string[];
}

/**
 * The same report the naive way: every snapshot's delta from the one before (a window over the
 * whole time series), summed per channel and day of both periods; posts counted from
 * publications; top posts from each publication's latest snapshot.
 */
async function naiveReport(
  ds: DataSource,
  organizationId: string,
  current: ReportPeriod,
  previous: ReportPeriod,
): Promise<NaiveFigures> {
  const [days, posts, top] = await Promise.all([
    ds.query(
      `WITH deltas AS (
         SELECT channel_id, (collected_at AT TIME ZONE $2)::date AS day,
                ${REACH} - coalesce(lag(${REACH}) OVER w, 0) AS reach,
                ${ENGAGEMENTS} - coalesce(lag(${ENGAGEMENTS}) OVER w, 0) AS engagements
         FROM metric_snapshots WHERE organization_id = $1 AND collected_at < $5
         WINDOW w AS (PARTITION BY publication_id ORDER BY collected_at))
       SELECT channel_id, day, day >= $3::date AS current, sum(reach)::bigint AS reach,
              sum(engagements)::bigint AS engagements
       FROM deltas WHERE day BETWEEN $4::date AND $6::date GROUP BY 1, 2, 3`,
      [organizationId, ZONE, current.from, previous.from, current.end, current.to],
    ),
    ds.query(
      `SELECT count(*)::int AS n FROM publications
       WHERE organization_id = $1 AND status = 'published' AND published_at >= $2 AND published_at < $3`,
      [organizationId, current.start, current.end],
    ),
    ds.query(
      `SELECT p.id FROM publications p
       CROSS JOIN LATERAL (SELECT ${ENGAGEMENTS} AS engagements FROM metric_snapshots s
                           WHERE s.publication_id = p.id ORDER BY collected_at DESC LIMIT 1) latest
       WHERE p.organization_id = $1 AND p.published_at >= $2 AND p.published_at < $3
       ORDER BY latest.engagements DESC, p.published_at DESC LIMIT 10`,
      [organizationId, current.start, current.end],
    ),
  ]);
  const sum = (
    rows: { current: boolean; reach: string; engagements: string }[],
    now: boolean,
    key: 'reach' | 'engagements',
  ) => rows.filter((r) => r.current === now).reduce((n, r) => n + Number(r[key]), 0);
  return {
    reach: sum(days, true, 'reach'),
    engagements: sum(days, true, 'engagements'),
    previousReach: sum(days, false, 'reach'),
    previousEngagements: sum(days, false, 'engagements'),
    posts: posts[0].n,
    series: new Set(
      days.filter((d: { current: boolean }) => d.current).map((d: { day: Date }) => +d.day),
    ).size,
    topPosts: top.map((r: { id: string }) => r.id),
  };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

/** The rollup report and the naive one must tell the same story, or the timing means nothing. */
function assertSameFigures(report: EngagementReport, naive: NaiveFigures): void {
  const checks: [string, number | string, number | string][] = [
    ['impressionsOrViews', report.kpis.impressionsOrViews.value, naive.reach],
    ['engagements', report.kpis.engagements.value, naive.engagements],
    ['previous impressionsOrViews', report.kpis.impressionsOrViews.previous, naive.previousReach],
    ['previous engagements', report.kpis.engagements.previous, naive.previousEngagements],
    ['postsPublished', report.kpis.postsPublished.value, naive.posts],
    ['top posts', report.topPosts.map((p) => p.publicationId).join(','), naive.topPosts.join(',')],
  ];
  for (const [name, fromRollups, fromSnapshots] of checks) {
    if (fromRollups !== fromSnapshots)
      throw new Error(`${name}: rollups ${fromRollups} != snapshots ${fromSnapshots}`);
  }
}

async function main(): Promise<void> {
  const name = `rounds_bench_reports_${randomBytes(4).toString('hex')}`;
  console.log(
    `reports benchmark: ${PUBLICATIONS} publications x ${SNAPSHOTS_EACH} snapshots, ${cpus().length} cores, database ${name}`,
  );
  await admin(`CREATE DATABASE ${name}`);
  const ds = new DataSource({ ...dataSourceOptions(databaseUrl(name)), extra: { max: 10 } });
  try {
    await ds.initialize();
    await ds.runMigrations({ transaction: 'each' });
    await ds.query(`ALTER DATABASE ${name} SET work_mem = '256MB'`);
    await ds.query(`ALTER DATABASE ${name} SET maintenance_work_mem = '1GB'`);
    await ds.query(`ALTER DATABASE ${name} SET synchronous_commit = off`);
    await ds.destroy();
    await ds.initialize();

    console.log('generating:');
    const { organizationId, channels } = await timed('publications', () => seedPublications(ds));
    await timed('enrolment (the sweep path)', () => enrollPublished(ds.manager, new Date()));
    await timed('snapshots', () => generateSnapshots(ds, organizationId));
    await timed('follower counts', () => generateAudiences(ds, organizationId, channels));
    await timed('rollups from the snapshots (one-off backfill)', () =>
      rebuildRollups(ds.manager, organizationId),
    );
    await ds.query('DROP TABLE bench_gen');
    await timed('vacuum analyze', () => ds.query('VACUUM ANALYZE'));
    const [{ snapshots }] = await ds.query(
      'SELECT count(*)::int AS snapshots FROM metric_snapshots',
    );
    const [{ rollups }] = await ds.query(
      'SELECT count(*)::int AS rollups FROM publication_daily_metrics',
    );
    console.log(`  ${snapshots} snapshots, ${rollups} publication-day rollup rows`);

    const service = new EngagementReportService(ds);
    const today = new Date();
    const query = {
      from: new Date(today.getTime() - 364 * 86_400_000).toISOString().slice(0, 10),
      to: today.toISOString().slice(0, 10),
    };
    const current = reportPeriod(query, ZONE);
    const previous = previousPeriod(current, ZONE);
    for (let i = 0; i < 5; i++) await service.report(organizationId, query);
    const samples: number[] = [];
    let report!: EngagementReport;
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      report = await service.report(organizationId, query);
      samples.push(performance.now() - t0);
    }
    samples.sort((a, b) => a - b);

    if (process.env.BENCH_EXPLAIN) {
      const { sql, params } = engagementQuery({ organizationId }, current, previous, 'day');
      const plan: { 'QUERY PLAN': string }[] = await ds.query(`EXPLAIN ANALYZE ${sql}`, params);
      console.log(`\n${plan.map((r) => r['QUERY PLAN']).join('\n')}`);
    }
    const naiveSamples: number[] = [];
    let naive!: NaiveFigures;
    for (let i = 0; i < NAIVE_RUNS; i++) {
      const t0 = performance.now();
      naive = await naiveReport(ds, organizationId, current, previous);
      naiveSamples.push(performance.now() - t0);
    }
    naiveSamples.sort((a, b) => a - b);
    assertSameFigures(report, naive);

    const p50 = percentile(samples, 50);
    const p95 = percentile(samples, 95);
    const naiveP50 = percentile(naiveSamples, 50);
    console.log(
      `\none-year engagement report (${current.from} to ${current.to}, ${report.series.length} daily points, ${report.channels.length} channels):`,
    );
    console.log(
      `  from rollups:        p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms over ${RUNS} runs (target p95 <= 50 ms: ${p95 <= 50 ? 'met' : 'MISSED'})`,
    );
    console.log(
      `  naive, raw snapshots: p50 ${(naiveP50 / 1000).toFixed(2)} s over ${NAIVE_RUNS} runs`,
    );
    console.log(
      `  speed-up: ${(naiveP50 / p50).toFixed(0)}x at p50, ${(naiveP50 / p95).toFixed(0)}x against the rollup p95 (target >= 100x: ${naiveP50 / p95 >= 100 ? 'met' : 'MISSED'})`,
    );
    console.log(
      '  both give the same totals, previous-period totals, posts published and top posts',
    );
  } finally {
    if (ds.isInitialized) await ds.destroy();
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
