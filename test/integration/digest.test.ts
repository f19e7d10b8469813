import type { INestApplicationContext } from '@nestjs/common';
import { DigestService } from '@rounds/domain';
import { JobProducer, QueueName } from '@rounds/queue';
import { DigestProcessor } from '../../apps/worker/src/processors/digest.processor';
import { addUser, signupOrganization } from '../factories/identity.factory';
import { query, startProcessors } from '../factories/metrics.factory';
import { createChannel } from '../factories/posts.factory';
import { ReceivedMail, startTestSmtp, TestSmtp } from '../support/smtp-server';
import { startTestApi, TestApi } from '../support/test-api';

// Monday 9 March 2026, 14:00 UTC: 23:00 in Tokyo, 07:00 (PDT) in Los Angeles.
const MONDAY_1400Z = new Date('2026-03-09T14:00:00Z');
const HOUR = 3_600_000;

describe('the weekly digest', () => {
  let api: TestApi;
  let smtp: TestSmtp;
  let worker: INestApplicationContext;
  let tokyo: { id: string; executive: string; marketer: string };
  let losAngeles: { id: string; executive: string };

  const digest = () => worker.get(DigestService);

  async function sweepAndSettle(now: Date): Promise<number> {
    const queued = await digest().sweep(now);
    const queue = worker.get(JobProducer).queue(QueueName.Digest);
    for (;;) {
      const counts = await queue.getJobCounts('waiting', 'active', 'delayed');
      if (Object.values(counts).every((n) => n === 0)) return queued;
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  // The users' invitations are mailed too; these tests are about the digest.
  const isDigest = (m: ReceivedMail) => m.subject.startsWith('Weekly digest');
  const digests = () => smtp.messages.filter(isDigest);

  beforeAll(async () => {
    smtp = await startTestSmtp();
    api = await startTestApi({ SMTP_URL: smtp.url, PUBLIC_URL: 'https://rounds.mercy.example' });
    worker = await startProcessors(DigestProcessor);
    const t = await signupOrganization(api.url, 'Asia/Tokyo');
    const [executive, marketer] = [
      await addUser(api.url, t.admin, 'executive'),
      await addUser(api.url, t.admin, 'marketer'),
    ];
    tokyo = { id: t.id, executive: executive.email, marketer: marketer.email };
    const la = await signupOrganization(api.url, 'America/Los_Angeles');
    losAngeles = { id: la.id, executive: (await addUser(api.url, la.admin, 'executive')).email };

    // Last week in Tokyo (2–8 March): one post a day, engagements growing through the week.
    const channelId = await createChannel(tokyo.id, 'x');
    await query(
      `INSERT INTO channel_daily_metrics (channel_id, day, organization_id, posts_published, impressions, likes)
       SELECT $1, d::date, $2, 1, 1000 * n, 10 * n
       FROM generate_series(date '2026-03-02', date '2026-03-08', interval '1 day') WITH ORDINALITY AS g(d, n)`,
      [channelId, tokyo.id],
    );
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await smtp?.close();
  });

  it("sends last week's figures to the executives of an organization once its Monday 08:00 has passed", async () => {
    expect(await sweepAndSettle(MONDAY_1400Z)).toBe(1);
    const [mail] = await smtp.waitFor(1, isDigest);
    expect(mail.to).toEqual([tokyo.executive]);
    expect(mail.subject).toMatch(/^Weekly digest for Mercy .*: Mar 2 – Mar 8, 2026$/);
    expect(mail.text).toContain('Posts published: 7');
    expect(mail.text).toContain('Impressions and views: 28,000');
    expect(mail.text).toContain('Engagements: 280');
    expect(mail.text).toContain('The full report: https://rounds.mercy.example/reports');
    const bars = [...mail.html.matchAll(/<rect [^>]*height="(\d+)"/g)].map((m) => Number(m[1]));
    expect(bars).toHaveLength(7);
    expect(bars).toEqual([...bars].sort((a, b) => a - b));
    expect(mail.html).toContain('<svg');
    expect(mail.html).toContain('Engagements per day');
  });

  it('sends it only once, however often the sweep runs or a job repeats', async () => {
    await sweepAndSettle(new Date(MONDAY_1400Z.getTime() + 10 * 60_000));
    await sweepAndSettle(new Date(MONDAY_1400Z.getTime() + 50 * 60_000));
    const again = await Promise.all([
      digest().send(tokyo.id, '2026-03-09'),
      digest().send(tokyo.id, '2026-03-09'),
    ]);
    expect(again).toEqual(['already_sent', 'already_sent']);
    expect(digests().filter((m) => m.to.includes(tokyo.executive))).toHaveLength(1);
    const [row] = await query<{ recipients: number }>(
      `SELECT recipients FROM digest_sends WHERE organization_id = $1 AND week_start = '2026-03-09'`,
      [tokyo.id],
    );
    expect(row.recipients).toBe(1);
  });

  it("waits for each organization's own Monday morning", async () => {
    expect(digests().some((m) => m.to.includes(losAngeles.executive))).toBe(false);
    // 09:00 in Los Angeles.
    expect(await sweepAndSettle(new Date(MONDAY_1400Z.getTime() + 2 * HOUR))).toBe(1);
    const [mail] = await smtp.waitFor(1, (m) => isDigest(m) && m.to.includes(losAngeles.executive));
    expect(mail.text).toContain('No posts went out this week.');
    expect(digests()).toHaveLength(2);
  });

  it('records the send on the audit trail', async () => {
    const [event] = await query<{
      action: string;
      data: { weekStart: string; recipients: number };
    }>(
      `SELECT action, data FROM audit_events WHERE organization_id = $1 AND action = 'digest.sent'`,
      [tokyo.id],
    );
    expect(event.data).toMatchObject({ weekStart: '2026-03-09', recipients: 1 });
  });
});
