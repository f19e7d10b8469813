import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { readFileSync } from 'node:fs';
import request from 'supertest';
import { JobName, QueueName } from '@rounds/queue';
import { signupOrganization } from '../factories/identity.factory';
import { startTestApi, TestApi } from '../support/test-api';

const TOKEN = 'operator-token-for-the-tests-0123456789abcdef';
const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

describe('operator: Bull Board and queue metrics', () => {
  let api: TestApi;
  let publish: Queue;

  beforeAll(async () => {
    api = await startTestApi({ OPERATOR_TOKEN: TOKEN });
    publish = api.app.get<Queue>(getQueueToken(QueueName.Publish));
  });
  afterAll(() => api.close());

  it('asks for the operator credentials and refuses anything else', async () => {
    const none = await request(api.url).get('/admin/queues').expect(401);
    expect(none.headers['www-authenticate']).toMatch(/^Basic realm=/);
    await request(api.url)
      .get('/admin/queues/api/queues')
      .set('Authorization', basic('operator', `${TOKEN}x`))
      .expect(401);
    await request(api.url)
      .get('/admin/queues/api/queues')
      .set('Authorization', basic('admin', TOKEN))
      .expect(401);
    // An organization's admin is not the operator.
    const org = await signupOrganization(api.url);
    await request(api.url)
      .get('/admin/queues/api/queues')
      .auth(org.admin.accessToken, { type: 'bearer' })
      .expect(401);
  });

  it('shows every queue to the operator, read-only', async () => {
    await request(api.url)
      .get('/admin/queues')
      .set('Authorization', basic('operator', TOKEN))
      .expect(200)
      .expect('content-type', /html/);
    const { body } = await request(api.url)
      .get('/admin/queues/api/queues')
      .set('Authorization', basic('operator', TOKEN))
      .expect(200);
    const queues = body.queues as { name: string; readOnlyMode: boolean }[];
    expect(queues.map((q) => q.name).sort()).toEqual([
      'conversations',
      'digest',
      'maintenance',
      'media',
      'metrics',
      'publish',
      'reconcile',
      'youtube-uploads',
    ]);
    expect(queues.every((q) => q.readOnlyMode)).toBe(true);
  });

  it('exports queue depth and the oldest waiting job to Prometheus', async () => {
    const data = { organizationId: crypto.randomUUID(), publicationId: crypto.randomUUID() };
    await publish.add(JobName.PublishPublication, data, { jobId: 'metrics-probe-1' });
    await publish.add(JobName.PublishPublication, data, {
      jobId: 'metrics-probe-2',
      delay: 60_000,
    });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const { text } = await request(api.url).get('/metrics').expect(200);
    expect(text).toContain('rounds_queue_jobs{queue="publish",state="waiting"} 1');
    expect(text).toContain('rounds_queue_jobs{queue="publish",state="delayed"} 1');
    expect(text).toContain('rounds_queue_jobs{queue="reconcile",state="failed"} 0');
    const oldest = /rounds_queue_oldest_waiting_seconds\{queue="publish"\} ([\d.]+)/.exec(text);
    expect(Number(oldest?.[1])).toBeGreaterThanOrEqual(1);
    expect(text).toContain('rounds_queue_oldest_waiting_seconds{queue="digest"} 0');

    // Every series the ready-made Grafana dashboard plots is one the API exports.
    const dashboard = readFileSync('deploy/grafana/rounds-queues.json', 'utf8');
    const plotted = new Set(dashboard.match(/rounds_\w+/g));
    expect(plotted.size).toBeGreaterThan(0);
    for (const metric of plotted) expect(text).toContain(`# TYPE ${metric} gauge`);
  });
});

describe('operator: Bull Board without a token', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ OPERATOR_TOKEN: '' });
  });
  afterAll(() => api.close());

  it('is not there', async () => {
    await request(api.url)
      .get('/admin/queues')
      .set('Authorization', basic('operator', ''))
      .expect(404);
  });
});
