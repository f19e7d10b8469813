import { readFileSync } from 'node:fs';
import { get } from 'node:http';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Client } from 'pg';
import request from 'supertest';
import { AuditChainService, RetentionService, verifyExportFile } from '@rounds/domain';
import { addUser, signupOrganization } from '../factories/identity.factory';
import { as } from '../factories/posts.factory';
import {
  backdateAuditEvents,
  downloadAuditExport,
  runAuditVerify,
  writeExportFile,
} from '../support/audit-export';
import { startTestApi, TestApi } from '../support/test-api';

describe('audit retention and export', () => {
  let api: TestApi;
  let owner: Client;
  beforeAll(async () => {
    api = await startTestApi({ AUDIT_CHECKPOINT_EVERY_EVENTS: '1000' });
    owner = new Client({ connectionString: api.env.MIGRATION_DATABASE_URL });
    await owner.connect();
  });
  afterAll(async () => {
    await owner.end();
    await api.close();
  });

  const verify = async (token: string) =>
    (await request(api.url).get('/api/v1/audit/verify').auth(token, { type: 'bearer' }).expect(200))
      .body;
  const seqs = async (organizationId: string) =>
    (
      await owner.query('SELECT seq FROM audit_events WHERE organization_id = $1 ORDER BY seq', [
        organizationId,
      ])
    ).rows.map((r: { seq: string }) => Number(r.seq));

  it('cuts events older than RETENTION_YEARS, signs the cut as the new root, spares a legal hold', async () => {
    const kept = await signupOrganization(api.url);
    const held = await signupOrganization(api.url);
    for (const org of [kept, held]) {
      await addUser(api.url, org.admin, 'executive');
      await addUser(api.url, org.admin, 'executive'); // events 1–8 (2 at signup, 3 a user)
    }
    await backdateAuditEvents(owner, kept.id, 4, 7);
    await backdateAuditEvents(owner, held.id, 4, 7);
    await as(api.url, held.admin)
      .post('/organization/legal-hold', { reason: 'litigation' })
      .expect(200);
    await as(api.url, held.admin).post('/organization/legal-hold', { reason: 'again' }).expect(409);
    // The runtime login cannot run the cut for a held organization either.
    await expect(
      api.dataSource.query('SELECT * FROM apply_retention($1, 6)', [held.id]),
    ).rejects.toThrow(/legal hold/);

    const result = await api.app.get(RetentionService).applyAll();
    expect(result.cut).toEqual([kept.id]);
    expect(await seqs(kept.id)).toEqual([5, 6, 7, 8, 9]);
    expect(await seqs(held.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const [retention] = (
      await owner.query(`SELECT data FROM audit_events WHERE organization_id = $1 AND seq = 9`, [
        kept.id,
      ])
    ).rows;
    expect(retention.data).toEqual({
      years: 6,
      throughSeq: 4,
      events: 4,
      revisions: 0,
      approvals: 0,
      consentRecords: 0,
    });
    expect(await verify(kept.admin.accessToken)).toEqual({
      valid: true,
      eventsChecked: 5,
      checkpointsChecked: 1,
    });
    await as(api.url, held.admin)
      .post('/organization/legal-hold/lift', { reason: 'settled' })
      .expect(200);
    const actions = (await as(api.url, held.admin).get('/audit').expect(200)).body.map(
      (e: { action: string }) => e.action,
    );
    expect(actions.slice(0, 2)).toEqual([
      'organization.legal_hold_lifted',
      'organization.legal_hold_set',
    ]);
    expect(await verify(held.admin.accessToken)).toMatchObject({ valid: true });

    // The export carries the signed root: the cut chain verifies offline too.
    const file = await downloadAuditExport(api.url, kept.admin.accessToken);
    expect(await verifyExportFile(file)).toMatchObject({ valid: true, firstSeq: 5, lastSeq: 9 });
  });

  it('exports NDJSON that npm run audit:verify accepts, and names an edit made in the file', async () => {
    const org = await signupOrganization(api.url);
    await addUser(api.url, org.admin, 'compliance');
    await request(api.url)
      .get('/api/v1/audit/export')
      .auth((await addUser(api.url, org.admin, 'marketer')).accessToken, { type: 'bearer' })
      .expect(403);
    await api.app.get(AuditChainService).checkpointHeads();
    const file = await downloadAuditExport(api.url, org.admin.accessToken);
    const lines = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({
      type: 'export',
      organizationId: org.id,
      startsMidChain: false,
    });
    expect(lines[0].publicKeys).toHaveLength(1);
    expect(lines.filter((l) => l.type === 'event').map((l) => l.seq)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8,
    ]);

    const good = await runAuditVerify(file);
    expect(good.code).toBe(0);
    expect(good.stdout).toContain('VALID: 8 events');

    lines[3].data = { role: 'admin' };
    const edited = writeExportFile(lines.map((l) => JSON.stringify(l)).join('\n'));
    const bad = await runAuditVerify(edited);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('BROKEN at event 3');
    expect(bad.stdout).toContain('edited');

    // A pinned key that did not sign the checkpoints: they are not trusted.
    const pinned = await verifyExportFile(file, [
      { keyId: lines[0].publicKeys[0].keyId, publicKey: 'A'.repeat(43) },
    ]);
    expect(pinned.firstBroken?.kind).toBe('bad_checkpoint');
  });

  it('streams a 100,000-event export in bounded memory', async () => {
    const org = await signupOrganization(api.url);
    // Rows straight into the table (hashes are not what this measures), as a DBA would load them.
    await owner.query('BEGIN');
    await owner.query('SET LOCAL session_replication_role = replica');
    await owner.query(
      `INSERT INTO audit_events (organization_id, seq, occurred_at, actor_id, action, subject_type,
                                 subject_id, data, prev_hash, hash)
       SELECT $1, 100 + n, now(), NULL, 'post.revised', 'post', gen_random_uuid()::text,
              jsonb_build_object('revision', n, 'text', repeat('x', 200)),
              lpad(to_hex(n), 64, '0'), lpad(to_hex(n + 1), 64, '0')
         FROM generate_series(1, 100000) AS n`,
      [org.id],
    );
    await owner.query('COMMIT');
    // What the heap holds after a collection, measured every 8 MB of the stream: garbage from
    // the rows already sent does not count, anything kept from them does.
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const retained = () => (gc(), process.memoryUsage().heapUsed);
    const baseline = retained();
    let peak = baseline;
    let nextSample = 0;
    const { lines, bytes } = await new Promise<{ lines: number; bytes: number }>(
      (resolve, reject) => {
        get(
          `${api.url}/api/v1/audit/export`,
          { headers: { authorization: `Bearer ${org.admin.accessToken}` } },
          (res) => {
            let count = 0;
            let size = 0;
            res.on('data', (chunk: Buffer) => {
              size += chunk.length;
              if (size >= nextSample) {
                peak = Math.max(peak, retained());
                nextSample += 8 * 2 ** 20;
              }
              for (const byte of chunk) if (byte === 10) count += 1;
            });
            res.on('end', () => resolve({ lines: count, bytes: size }));
            res.on('error', reject);
          },
        ).on('error', reject);
      },
    );
    const growthMb = (peak - baseline) / 2 ** 20;
    console.log(
      `export of 100,000 events: ${(bytes / 2 ** 20).toFixed(1)} MB streamed, heap retained at most ${growthMb.toFixed(1)} MB more`,
    );
    expect(lines).toBeGreaterThanOrEqual(100_001);
    // Buffered, the 64 MB of text would be held (several times over as objects) at the end.
    expect(growthMb).toBeLessThan(16);
  });
});
