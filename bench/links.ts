// Short-link redirect benchmark: GET /l/:code on one API process (the production build, started
// as a real process), at a fixed 500 requests/s for BENCH_SECONDS each, beside /health/live at
// the same rate in the same run (the baseline: the same server, no lookup, no counting). Visits
// by a browser and by X's card fetcher, and an unknown code. Checks that no row of the link
// tables changed while it ran (visits wait in Redis), then flushes and checks every visit was
// counted once, as a click or as a preview. Exits non-zero on a missed target.
// Run: npm run bench -- links   (BENCH_SECONDS, BENCH_RATE to change the load)
import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import autocannon from 'autocannon';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { ConfigModule } from '@rounds/config';
import { DatabaseModule } from '@rounds/database';
import { LinkClicksFlush, LinksModule } from '@rounds/domain';
import { QueueModule } from '@rounds/queue';
import { BROWSER, reserveLink } from '../test/factories/links.factory';
import { approvedPost, hospital, xPost } from '../test/factories/posts.factory';
import { startStack, Stack } from '../test/support/processes';
import { createTemplateDatabase } from '../test/support/test-database';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const RATE = Number(process.env.BENCH_RATE ?? 500);
const CONNECTIONS = 10;
const TARGET_P99_MS = 5;

interface Figures {
  name: string;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  p999: number;
  max: number;
  statuses: Record<string, number>;
  errors: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

/** Open loop at RATE requests/s; each response's own latency (autocannon's histogram is whole ms). */
async function measure(
  stack: Stack,
  name: string,
  path: string,
  userAgent = BROWSER,
): Promise<Figures> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${stack.apiUrl}${path}`,
        connections: CONNECTIONS,
        overallRate: RATE,
        // A fixed number, each answered: every visit the server counted has its response here.
        amount: RATE * SECONDS,
        ignoreCoordinatedOmission: true,
        headers: { 'user-agent': userAgent },
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
    });
  });
  latencies.sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 100) / 100;
  return {
    name,
    requests: latencies.length,
    rps: latencies.length / result.duration,
    p50: round(percentile(latencies, 50)),
    p99: round(percentile(latencies, 99)),
    p999: round(percentile(latencies, 99.9)),
    max: round(latencies[latencies.length - 1]),
    statuses,
    errors: result.errors + result.timeouts,
  };
}

/**
 * Rows written to the link tables so far, from PostgreSQL's statistics (an idle backend reports
 * its counts within 10 s, hence the wait).
 */
async function linkTableWrites(db: Client): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 11_000));
  const { rows } = await db.query<{ writes: string }>(
    `SELECT coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0) AS writes FROM pg_stat_user_tables
     WHERE relname IN ('tracked_links', 'link_daily_clicks', 'link_click_flushes')`,
  );
  return Number(rows[0].writes);
}

@Module({ imports: [ConfigModule, DatabaseModule, QueueModule, LinksModule] })
class FlushModule {}

/** The worker's flush, run here against the stack's database and Redis. */
async function flushVisits(stack: Stack): Promise<void> {
  Object.assign(process.env, stack.env);
  const app: INestApplicationContext = await NestFactory.createApplicationContext(FlushModule, {
    logger: false,
  });
  try {
    await app.get(LinkClicksFlush).flush();
  } finally {
    await app.close();
  }
}

async function main() {
  process.env.ROUNDS_TEMPLATE_DB = `rounds_tpl_${randomBytes(5).toString('hex')}`;
  await createTemplateDatabase();
  // Short links on a named host, as in production (an IP address in the text is a PHI finding).
  const stack = await startStack({
    env: { LOG_LEVEL: 'warn', SHORT_LINK_BASE_URL: 'https://go.mercy.org' },
  });
  const db = new Client({ connectionString: stack.env.MIGRATION_DATABASE_URL });
  await db.connect();
  try {
    process.env.DATABASE_URL = stack.env.DATABASE_URL; // the factories write channels directly
    const h = await hospital(stack.apiUrl);
    const link = await reserveLink(stack.apiUrl, h.marketer, 'https://www.mercy.org/heart-month');
    await approvedPost(stack.apiUrl, h, xPost(h, { text: `Heart month: ${link.shortUrl}` }));
    const answer = await fetch(`${stack.apiUrl}/l/${link.code}`, {
      redirect: 'manual',
      headers: { 'user-agent': BROWSER },
    });
    if (answer.status !== 302) throw new Error(`the link answered ${answer.status}`);
    console.log(`  /l/${link.code} → ${answer.headers.get('location')}`);

    const health = await measure(stack, '/health/live (baseline)', '/health/live');
    const writesBefore = await linkTableWrites(db);
    const rows = [
      health,
      await measure(stack, '/l/:code, a browser (click)', `/l/${link.code}`),
      await measure(stack, '/l/:code, Twitterbot (preview)', `/l/${link.code}`, 'Twitterbot/1.0'),
      await measure(stack, '/l/:code, unknown code (404)', '/l/Zz9yY8xX7w'),
    ];
    const writesDuring = (await linkTableWrites(db)) - writesBefore;
    await flushVisits(stack);
    const { rows: counted } = await db.query<{ clicks: number; previews: number }>(
      'SELECT coalesce(sum(clicks), 0)::int AS clicks, coalesce(sum(previews), 0)::int AS previews FROM link_daily_clicks',
    );

    const [, click, preview, unknown] = rows;
    console.log(
      `\n| request | requests | req/s | p50 ms | p99 ms | p99.9 ms | max ms | p99 × baseline | statuses | errors |`,
    );
    console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const r of rows) {
      const statuses = Object.entries(r.statuses)
        .map(([code, n]) => `${code}: ${n}`)
        .join(', ');
      console.log(
        `| ${r.name} | ${r.requests} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.p999} | ${r.max} | ${(r.p99 / health.p99).toFixed(2)} | ${statuses} | ${r.errors} |`,
      );
    }
    console.log(
      `\n  link-table rows written during the runs: ${writesDuring}; after the flush: ${counted[0].clicks} clicks, ${counted[0].previews} previews`,
    );
    const redirected = (r: Figures) => r.statuses['302'] ?? 0;
    const targets: [string, boolean][] = [
      [`redirect p99 ≤ ${TARGET_P99_MS} ms at ${RATE} req/s (a click)`, click.p99 <= TARGET_P99_MS],
      [
        `redirect p99 ≤ ${TARGET_P99_MS} ms at ${RATE} req/s (a preview)`,
        preview.p99 <= TARGET_P99_MS,
      ],
      [`the rate held (≥ 95% of ${RATE} req/s)`, click.rps >= 0.95 * RATE],
      [
        'every visit redirected, every unknown code 404, no errors',
        redirected(click) === click.requests &&
          redirected(preview) === preview.requests &&
          unknown.statuses['404'] === unknown.requests &&
          rows.every((r) => r.errors === 0),
      ],
      ['no row of the link tables written while redirecting', writesDuring === 0],
      [
        'every visit counted once after the flush: clicks and previews apart',
        counted[0].clicks === redirected(click) + 1 && counted[0].previews === redirected(preview),
      ],
    ];
    console.log('');
    for (const [target, met] of targets) console.log(`  ${met ? 'met   ' : 'MISSED'} ${target}`);
    process.exitCode = targets.every(([, met]) => met) ? 0 : 1;
  } finally {
    await db.end();
    await stack.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
