import { INestApplicationContext } from '@nestjs/common';
import { QueueEvents } from 'bullmq';
import { Client } from 'pg';
import request from 'supertest';
import { AuditChainService } from '@rounds/domain';
import { auditHash } from '@rounds/domain/audit/audit-hash';
import { JobName, JobProducer, QueueName, redisOptions } from '@rounds/queue';
import { addUser, signupOrganization } from '../factories/identity.factory';
import { startTestApi, TestApi } from '../support/test-api';
import { startTestWorker } from '../support/test-worker';

describe('audit trail', () => {
  let api: TestApi;
  let owner: Client;
  beforeAll(async () => {
    api = await startTestApi();
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
  const checkpoint = () => api.app.get(AuditChainService).checkpointHeads();
  /** An organization with `users` added: 2 + 2 × users events (signup, then create and login). */
  /**
   * Signing up writes 2 events (organization.created, user.signed_up); each user added writes 3
   * (user.created by the invitation, user.invitation_accepted, auth.login).
   */
  const organization = async (users: number) => {
    const org = await signupOrganization(api.url);
    for (let i = 0; i < users; i += 1) await addUser(api.url, org.admin, 'executive');
    return org;
  };
  /** What a DBA (or a stolen superuser login) can do: bypass the append-only triggers. */
  const asDba = async (sql: string, params: unknown[]) => {
    await owner.query('BEGIN');
    await owner.query('SET LOCAL session_replication_role = replica');
    await owner.query(sql, params);
    await owner.query('COMMIT');
  };
  const idAt = async (organizationId: string, seq: number) =>
    (
      await owner.query('SELECT id FROM audit_events WHERE organization_id = $1 AND seq = $2', [
        organizationId,
        seq,
      ])
    ).rows[0].id as string;

  it('verifies an untouched chain and its checkpoint', async () => {
    const org = await organization(1);
    await checkpoint();
    expect(await verify(org.admin.accessToken)).toEqual({
      valid: true,
      eventsChecked: 2 + 3,
      checkpointsChecked: 1,
    });
  });

  describe('the runtime login (DATABASE_URL) cannot tamper', () => {
    const refused: [string, RegExp][] = [
      [`UPDATE audit_events SET action = 'x'`, /permission denied/],
      ['DELETE FROM audit_events', /permission denied/],
      ['TRUNCATE audit_events', /permission denied/],
      ['ALTER TABLE audit_events DISABLE TRIGGER ALL', /must be owner/],
      ['ALTER TABLE audit_events DROP CONSTRAINT pk_audit_events_id', /must be owner/],
      ['DROP TABLE audit_events', /must be owner/],
      ['SET session_replication_role = replica', /permission denied/],
      [`UPDATE post_revisions SET content_hash = 'x'`, /permission denied/],
      ['DELETE FROM post_revisions', /permission denied/],
      [`UPDATE approvals SET content_hash = 'x'`, /permission denied/],
      ['DELETE FROM approvals', /permission denied/],
      [`UPDATE consent_records SET person_name = 'x'`, /permission denied/],
      ['DELETE FROM consent_records', /permission denied/],
      ['TRUNCATE posts', /permission denied/],
      ['TRUNCATE users CASCADE', /permission denied/],
      ['CREATE TABLE mine (id int)', /permission denied/],
      ['DROP FUNCTION apply_retention(uuid, integer)', /must be owner/],
      [
        'CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$',
        // no CREATE on the schema, and not the function's owner either
        /permission denied|must be owner/,
      ],
      [`SELECT * FROM apply_retention(gen_random_uuid(), 1)`, /at least six years/],
    ];
    it.each(refused)('%s', async (sql, error) => {
      await expect(api.dataSource.query(sql)).rejects.toThrow(error);
    });

    it('is not the owner of anything and not a superuser', async () => {
      const [role] = await api.dataSource.query(
        `SELECT rolsuper, rolcreaterole, rolcreatedb, rolbypassrls,
                (SELECT count(*)::int FROM pg_class WHERE relowner = r.oid) AS owns
           FROM pg_roles r WHERE rolname = current_user`,
      );
      expect(role).toEqual({
        rolsuper: false,
        rolcreaterole: false,
        rolcreatedb: false,
        rolbypassrls: false,
        owns: 0,
      });
    });
  });

  describe('names each tampering by kind and position', () => {
    it('an edited row', async () => {
      const org = await organization(3);
      await checkpoint();
      const id = await idAt(org.id, 3);
      await asDba(`UPDATE audit_events SET data = '{"role":"admin"}' WHERE id = $1`, [id]);
      expect((await verify(org.admin.accessToken)).firstBroken).toEqual({
        kind: 'edited',
        seq: 3,
        id,
        reason: 'its contents do not match its hash: edited',
      });
      const other = await signupOrganization(api.url);
      expect((await verify(other.admin.accessToken)).valid).toBe(true);
    });

    it('a row deleted from the middle', async () => {
      const org = await organization(3);
      await asDba('DELETE FROM audit_events WHERE id = $1', [await idAt(org.id, 4)]);
      expect((await verify(org.admin.accessToken)).firstBroken).toMatchObject({
        kind: 'deleted',
        seq: 4,
        reason: 'event 4 is missing: deleted from the middle of the chain',
      });
    });

    it('the newest events deleted back past a checkpoint', async () => {
      const org = await organization(2); // events 1–8
      await checkpoint(); // signs 8
      await addUser(api.url, org.admin, 'executive'); // 9, 10, 11
      await asDba('DELETE FROM audit_events WHERE organization_id = $1 AND seq >= 5', [org.id]);
      expect((await verify(org.admin.accessToken)).firstBroken).toMatchObject({
        kind: 'truncated',
        seq: 5,
      });
    });

    it('a reordered link', async () => {
      const org = await organization(3);
      const [third, fourth] = [await idAt(org.id, 3), await idAt(org.id, 4)];
      await asDba('UPDATE audit_events SET seq = -seq WHERE id = ANY($1)', [[third, fourth]]);
      await asDba('UPDATE audit_events SET seq = 4 WHERE id = $1', [third]);
      await asDba('UPDATE audit_events SET seq = 3 WHERE id = $1', [fourth]);
      expect((await verify(org.admin.accessToken)).firstBroken).toMatchObject({
        kind: 'reordered',
        seq: 3,
        id: fourth,
      });
    });

    it('the whole chain re-hashed by someone without the signing key', async () => {
      const org = await organization(3); // events 1–11
      await checkpoint(); // signs 8
      const { rows } = await owner.query(
        'SELECT * FROM audit_events WHERE organization_id = $1 ORDER BY seq',
        [org.id],
      );
      // The attacker has the code: edits event 3 and recomputes every hash and link after it.
      let prevHash = rows[1].hash as string;
      for (const row of rows.slice(2)) {
        const data = row.seq === '3' ? { role: 'admin' } : row.data;
        const hash = auditHash({
          organizationId: org.id,
          seq: Number(row.seq),
          occurredAt: (row.occurred_at as Date).toISOString(),
          actorId: row.actor_id,
          action: row.action,
          subjectType: row.subject_type,
          subjectId: row.subject_id,
          data,
          prevHash,
        });
        await asDba('UPDATE audit_events SET data = $2, prev_hash = $3, hash = $4 WHERE id = $1', [
          row.id,
          data,
          prevHash,
          hash,
        ]);
        prevHash = hash;
      }
      expect((await verify(org.admin.accessToken)).firstBroken).toMatchObject({
        kind: 'rehashed',
        seq: 11, // the checkpoint's head: the first place the signature no longer holds
      });
    });
  });

  it('keeps one unbroken chain under concurrent writers', async () => {
    const org = await signupOrganization(api.url);
    await Promise.all(Array.from({ length: 12 }, () => addUser(api.url, org.admin, 'executive')));
    expect(await verify(org.admin.accessToken)).toMatchObject({
      valid: true,
      eventsChecked: 2 + 12 * 3,
    });
  });

  describe('the worker', () => {
    let worker: INestApplicationContext;
    let events: QueueEvents;
    beforeAll(async () => {
      worker = await startTestWorker();
      events = new QueueEvents(QueueName.Maintenance, {
        connection: redisOptions(api.env.REDIS_URL),
        prefix: `{${api.env.QUEUE_PREFIX}}`,
      });
      await events.waitUntilReady();
    });
    afterAll(async () => {
      await events.close();
      await worker.close();
    });
    const run = async (name: JobName.VerifyAuditChains | JobName.CheckpointAuditChains) => {
      const job = await api.app.get(JobProducer).enqueue(name, {});
      return job.waitUntilFinished(events, 20_000);
    };

    it('signs the chain heads', async () => {
      const org = await signupOrganization(api.url);
      // The worker's own minute schedule may sign this head first; either way, once the job ran
      // the head is covered by exactly one checkpoint.
      await run(JobName.CheckpointAuditChains);
      expect(await verify(org.admin.accessToken)).toMatchObject({
        valid: true,
        checkpointsChecked: 1,
      });
    });

    it('verifies every night and reports broken chains', async () => {
      const org = await signupOrganization(api.url);
      await asDba(`UPDATE audit_events SET action = 'x' WHERE organization_id = $1 AND seq = 1`, [
        org.id,
      ]);
      expect((await run(JobName.VerifyAuditChains)).broken).toContain(org.id);
    });
  });
});
