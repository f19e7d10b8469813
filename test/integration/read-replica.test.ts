import { Client } from 'pg';
import { approvedPost, as, hospital, Hospital } from '../factories/posts.factory';
import { startTestApi, TestApi } from '../support/test-api';
import { POSTGRES_ADMIN_URL } from '../support/test-env';

const READ_POOL = 'rounds-read-replica-test';

/** What the read pool's connections last ran (pg_stat_activity), by their application name. */
async function readPoolQueries(database: string): Promise<string[]> {
  const admin = new Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ query: string }>(
      'SELECT query FROM pg_stat_activity WHERE datname = $1 AND application_name = $2',
      [database, READ_POOL],
    );
    return rows.map((row) => row.query);
  } finally {
    await admin.end();
  }
}

describe('DATABASE_READ_URL', () => {
  let api: TestApi;
  let h: Hospital;
  let database: string;

  beforeAll(async () => {
    // The same database under another application name stands in for a replica: whatever the
    // read pool runs is seen apart from the primary's pool in pg_stat_activity.
    api = await startTestApi({}, (builder) => {
      const url = new URL(process.env.DATABASE_URL!);
      url.searchParams.set('application_name', READ_POOL);
      process.env.DATABASE_READ_URL = url.toString();
      return builder;
    });
    database = new URL(api.env.DATABASE_URL).pathname.slice(1);
    h = await hospital(api.url);
    await approvedPost(api.url, h);
  });
  afterAll(async () => {
    delete process.env.DATABASE_READ_URL;
    await api?.close();
  });

  it('serves the compliance and engagement reports, and nothing written goes through it', async () => {
    const before = await readPoolQueries(database);
    expect(before.filter((q) => /approvals|publication_daily_metrics/.test(q))).toEqual([]);

    await as(api.url, h.executive).get('/reports/compliance').expect(200);
    const afterCompliance = await readPoolQueries(database);
    expect(afterCompliance.some((q) => /FROM approvals|FROM audit_events/.test(q))).toBe(true);

    await as(api.url, h.executive).get('/reports/engagement').expect(200);
    const after = await readPoolQueries(database);
    expect(after.some((q) => /daily_metrics|metric_snapshots/.test(q))).toBe(true);
    expect(after.filter((q) => /^\s*(INSERT|UPDATE|DELETE)/i.test(q))).toEqual([]);
  });
});
