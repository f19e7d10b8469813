import { INestApplicationContext } from '@nestjs/common';
import { QueueEvents } from 'bullmq';
import request from 'supertest';
import { JobName, JobProducer, QueueName, redisOptions } from '@rounds/queue';
import { addUser, signupOrganization } from '../factories/identity.factory';
import { startTestApi, TestApi } from '../support/test-api';
import { startTestWorker } from '../support/test-worker';

describe('audit trail', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  const verify = (token: string) =>
    request(api.url).get('/api/v1/audit/verify').auth(token, { type: 'bearer' }).expect(200);

  it('verifies an untouched chain', async () => {
    const org = await signupOrganization(api.url);
    await addUser(api.url, org.admin, 'marketer');
    const result = await verify(org.admin.accessToken);
    expect(result.body).toEqual({ valid: true, eventsChecked: 4 });
  });

  it('refuses UPDATE and DELETE of audit rows in the database itself', async () => {
    const org = await signupOrganization(api.url);
    await expect(
      api.dataSource.query(`UPDATE audit_events SET action = 'x' WHERE organization_id = $1`, [
        org.id,
      ]),
    ).rejects.toThrow(/append-only/);
    await expect(
      api.dataSource.query(`DELETE FROM audit_events WHERE organization_id = $1`, [org.id]),
    ).rejects.toThrow(/append-only/);
    await expect(api.dataSource.query('TRUNCATE audit_events')).rejects.toThrow(/append-only/);
  });

  it('names the first broken link when a row is edited behind the application', async () => {
    const org = await signupOrganization(api.url);
    await addUser(api.url, org.admin, 'marketer');
    await addUser(api.url, org.admin, 'compliance');
    const [tampered] = await api.dataSource.query(
      `SELECT id, seq FROM audit_events WHERE organization_id = $1 AND seq = 3`,
      [org.id],
    );
    // A superuser bypassing the trigger, as an attacker with database access would.
    await api.dataSource.transaction(async (tx) => {
      await tx.query(`SET LOCAL session_replication_role = replica`);
      await tx.query(`UPDATE audit_events SET data = '{"role":"admin"}' WHERE id = $1`, [
        tampered.id,
      ]);
    });
    const result = await verify(org.admin.accessToken);
    expect(result.body).toEqual({
      valid: false,
      eventsChecked: 2,
      firstBroken: { id: tampered.id, seq: 3, reason: 'its contents do not match its hash' },
    });
    const other = await signupOrganization(api.url);
    expect((await verify(other.admin.accessToken)).body.valid).toBe(true);
  });

  it('keeps one unbroken chain under concurrent writers', async () => {
    const org = await signupOrganization(api.url);
    await Promise.all(Array.from({ length: 12 }, () => addUser(api.url, org.admin, 'executive')));
    const result = await verify(org.admin.accessToken);
    expect(result.body).toEqual({ valid: true, eventsChecked: 2 + 12 * 2 });
  });

  describe('the nightly verification job', () => {
    let worker: INestApplicationContext;
    beforeAll(async () => {
      worker = await startTestWorker();
    });
    afterAll(() => worker.close());

    it('runs on the worker and reports broken chains', async () => {
      const org = await signupOrganization(api.url);
      await api.dataSource.transaction(async (tx) => {
        await tx.query(`SET LOCAL session_replication_role = replica`);
        await tx.query(
          `UPDATE audit_events SET action = 'x' WHERE organization_id = $1 AND seq = 1`,
          [org.id],
        );
      });
      const events = new QueueEvents(QueueName.Maintenance, {
        connection: redisOptions(api.env.REDIS_URL),
        prefix: `{${api.env.QUEUE_PREFIX}}`,
      });
      await events.waitUntilReady();
      const job = await api.app.get(JobProducer).enqueue(JobName.VerifyAuditChains, {});
      const result = await job.waitUntilFinished(events, 20_000);
      await events.close();
      expect(result.broken).toContain(org.id);
    });
  });
});
