import type { INestApplicationContext } from '@nestjs/common';
import { QueueEvents } from 'bullmq';
import { AppConfig } from '@rounds/config';
import { SandboxControlClient, type SandboxXAccount } from '@rounds/sandbox';
import { ConversationPuller, FeedbackAlerts, PhiScanner } from '@rounds/domain';
import { JobName, JobProducer, QueueName, redisOptions } from '@rounds/queue';
import { ConversationsProcessor } from '../../apps/worker/src/processors/conversations.processor';
import { MaintenanceProcessor } from '../../apps/worker/src/processors/maintenance.processor';
import { addUser, Session } from '../factories/identity.factory';
import {
  connectChannel,
  newsroom,
  Newsroom,
  query,
  startApiOnSandbox,
  startCustomizedProcessors,
} from '../factories/metrics.factory';
import { as } from '../factories/posts.factory';
import { waitFor } from '../factories/publishing.factory';
import { NotificationSinks, startNotificationSinks } from '../support/notification-sinks';

const HANDLE = 'MercyFeedback';
// Mentions on X: the sandbox, like X, lists only those that name the account.
const SAFETY = `@${HANDLE} my father fell out of bed last night and nobody came for an hour`;
const COMPLAINT = `@${HANDLE} waited 5 hours in the ER and the bill was $900. ridiculous`;
const QUESTION = `@${HANDLE} what time does the pharmacy open on Sundays?`;

interface Message {
  id: string;
  externalId: string;
  text: string;
  status: string;
  category: string | null;
  assigneeId: string | null;
  dueAt: string | null;
  overdue: boolean;
  firstResponseAt: string | null;
  escalatedAt: string | null;
  notes: { authorId: string; text: string }[];
}

/**
 * Patient feedback routed to its owners (issue 14, part 2), through the API, the worker's puller and
 * its maintenance queue, the sandbox's X, a local push service and a local SMTP server. What the
 * owners and admins were sent is counted where it arrived.
 */
describe('patient feedback: owners, targets, alerts, escalation and triage', () => {
  let env: Awaited<ReturnType<typeof startApiOnSandbox>>;
  let worker: INestApplicationContext;
  let sinks: NotificationSinks;
  let control: SandboxControlClient;
  let account: SandboxXAccount;
  let channelId: string;
  let team: Newsroom;
  /** The risk-management group: a compliance officer and a marketer. */
  let riskOfficer: Session;
  let riskWriter: Session;
  let riskGroupId: string;

  const api = () => env.api.url;
  const publicUrl = () => env.api.app.get(AppConfig).PUBLIC_URL;
  const decrypted = (name: string) =>
    sinks.pushesTo(name).map((p) => JSON.parse(sinks.decrypt(name, p)) as Record<string, string>);
  const mailsTo = (who: Session) => sinks.smtp.messages.filter(sinks.noticeTo(who));
  const inbox = async (who: Session, search = '') =>
    (await as(api(), who).get(`/conversations${search}`).expect(200)).body as Message[];
  const byText = async (text: string) => (await inbox(team.admin)).find((m) => m.text === text)!;
  const actionsOn = async (messageId: string) =>
    (
      await query<{ action: string; actor_id: string | null; data: Record<string, unknown> }>(
        `SELECT action, actor_id, data FROM audit_events WHERE subject_id = $1 ORDER BY seq`,
        [messageId],
      )
    ).map((e) => e.action);

  /** Long enough for a push or an e-mail sent by mistake to arrive as well. */
  const settle = () => new Promise((resolve) => setTimeout(resolve, 1000));

  const subscribe = (name: string, who: Session) => sinks.subscribe(api(), name, who);

  async function mention(text: string) {
    await control.injectXMention({ accountId: account.id, text, authorHandle: 'someone' });
  }

  beforeAll(async () => {
    sinks = await startNotificationSinks();
    env = await startApiOnSandbox(sinks.env, sinks.overridePush);
    worker = await startCustomizedProcessors(
      sinks.overridePush,
      ConversationsProcessor,
      MaintenanceProcessor,
    );
    control = new SandboxControlClient(env.sandbox.url);
    team = await newsroom(api());
    [riskOfficer, riskWriter] = await Promise.all([
      addUser(api(), team.admin, 'compliance'),
      addUser(api(), team.admin, 'marketer'),
    ]);
    account = await control.createXAccount({ handle: HANDLE });
    channelId = await connectChannel(env.api, team.id, {
      platform: 'x',
      externalAccountId: account.id,
      handle: account.handle,
      accessToken: account.accessToken,
      refreshToken: account.refreshToken,
    });
    for (const [name, who] of [
      ['risk-officer', riskOfficer],
      ['risk-writer', riskWriter],
      ['admin', team.admin],
      ['marketer', team.marketer],
    ] as const) {
      await subscribe(name, who);
    }
  }, 120_000);
  afterAll(async () => {
    await worker?.close();
    await env?.close();
    await sinks?.close();
  });

  it('lets admins name owners and targets, refusing what cannot be, and everyone read them', async () => {
    await as(api(), team.marketer)
      .post('/feedback/groups', { name: 'Risk management', memberIds: [] })
      .expect(403);
    const group = await as(api(), team.admin)
      .post('/feedback/groups', {
        name: ' Risk management ',
        memberIds: [riskOfficer.userId, riskWriter.userId],
      })
      .expect(201);
    riskGroupId = group.body.id;
    expect(group.body).toMatchObject({
      name: 'Risk management',
      memberIds: [riskOfficer.userId, riskWriter.userId],
    });
    const twin = await as(api(), team.admin)
      .post('/feedback/groups', { name: 'Risk management', memberIds: [] })
      .expect(409);
    expect(twin.body.errors).toEqual([expect.objectContaining({ field: 'name' })]);
    const executive = await as(api(), team.admin)
      .post('/feedback/groups', { name: 'Board', memberIds: [team.executive.userId] })
      .expect(400);
    expect(executive.body.errors).toEqual([expect.objectContaining({ field: 'memberIds' })]);

    await as(api(), team.admin)
      .put('/feedback/routes', {
        category: 'safety',
        ownerGroupId: riskGroupId,
        responseTargetHours: 1,
      })
      .expect(200);
    await as(api(), team.admin)
      .put('/feedback/routes', {
        category: 'complaint',
        ownerUserId: team.marketer.userId,
        responseTargetHours: 24,
      })
      .expect(200);
    const both = await as(api(), team.admin)
      .put('/feedback/routes', {
        category: 'question',
        ownerUserId: team.marketer.userId,
        ownerGroupId: riskGroupId,
      })
      .expect(400);
    expect(both.body.errors).toEqual([expect.objectContaining({ field: 'ownerGroupId' })]);
    const hours = await as(api(), team.admin)
      .put('/feedback/routes', { category: 'question', responseTargetHours: 0 })
      .expect(400);
    expect(JSON.stringify(hours.body)).toContain('responseTargetHours');
    const unknown = await as(api(), team.admin)
      .put('/feedback/routes', { category: 'urgent', responseTargetHours: 4 })
      .expect(400);
    expect(JSON.stringify(unknown.body)).toContain('category must be one of');
    await as(api(), team.compliance)
      .put('/feedback/routes', { category: 'question', responseTargetHours: 4 })
      .expect(403);
    await as(api(), team.admin).delete(`/feedback/groups/${riskGroupId}`).expect(409);

    const read = await as(api(), team.executive).get('/feedback/settings').expect(200);
    expect(read.body.routes).toEqual([
      { category: 'safety', ownerUserId: null, ownerGroupId: riskGroupId, responseTargetHours: 1 },
      {
        category: 'complaint',
        ownerUserId: team.marketer.userId,
        ownerGroupId: null,
        responseTargetHours: 24,
      },
      { category: 'question', ownerUserId: null, ownerGroupId: null, responseTargetHours: null },
      { category: 'compliment', ownerUserId: null, ownerGroupId: null, responseTargetHours: null },
      { category: 'spam', ownerUserId: null, ownerGroupId: null, responseTargetHours: null },
      { category: 'other', ownerUserId: null, ownerGroupId: null, responseTargetHours: null },
    ]);
    // People who may own feedback: everyone but the executive.
    expect(read.body.people.map((p: { id: string }) => p.id).sort()).toEqual(
      [
        team.admin.userId,
        team.marketer.userId,
        team.compliance.userId,
        riskOfficer.userId,
        riskWriter.userId,
      ].sort(),
    );
    expect(await actionsOn('safety')).toEqual(['feedback.route_set']);
    expect(await actionsOn(riskGroupId)).toEqual(['feedback.group_saved']);
  });

  it("tells a safety message's owners at once, by push and e-mail, with a link and none of its words", async () => {
    for (const text of [SAFETY, COMPLAINT, QUESTION]) await mention(text);
    await worker.get(ConversationPuller).pull(team.id, channelId);
    const safety = await byText(SAFETY);
    expect(safety.category).toBe('safety');
    const link = `/inbox?message=${safety.id}`;

    for (const owner of ['risk-officer', 'risk-writer']) {
      await waitFor(`the push to ${owner}`, async () => sinks.pushesTo(owner).length > 0);
      expect(decrypted(owner)).toEqual([
        {
          title: 'A patient-safety message is in the inbox',
          kind: 'feedback_safety',
          subjectId: safety.id,
          url: link,
        },
      ]);
    }
    for (const owner of [riskOfficer, riskWriter]) {
      const [mail] = await sinks.smtp.waitFor(1, sinks.noticeTo(owner));
      expect(mail.subject).toBe('[Rounds] A patient-safety message is in the inbox');
      expect(mail.text).toContain(`Open in Rounds: ${publicUrl()}${link}`);
      for (const word of ['father', 'fell', 'nobody'])
        expect(`${mail.subject} ${mail.text} ${mail.html}`.toLowerCase()).not.toContain(word);
    }
    // Pulled again: stored once, told once. Nobody else was told.
    await mention(`${SAFETY}!`);
    await worker.get(ConversationPuller).pull(team.id, channelId);
    for (const owner of [riskOfficer, riskWriter])
      await sinks.smtp.waitFor(2, sinks.noticeTo(owner));
    await waitFor('the second pushes', async () =>
      ['risk-officer', 'risk-writer'].every((name) => sinks.pushesTo(name).length === 2),
    );
    await settle();
    expect(mailsTo(riskOfficer)).toHaveLength(2);
    expect(mailsTo(riskWriter)).toHaveLength(2);
    expect(sinks.pushesTo('admin')).toHaveLength(0);
    expect(sinks.pushesTo('marketer')).toHaveLength(0);
    expect(mailsTo(team.admin)).toHaveLength(0);
    expect(await actionsOn(safety.id)).toEqual(['conversation.safety_alerted']);
  });

  it('lists safety first and filters by owner and overdue', async () => {
    const all = await inbox(team.executive, '?status=new');
    expect(all.slice(0, 2).map((m) => m.category)).toEqual(['safety', 'safety']);
    expect(all.map((m) => m.text).sort()).toEqual(
      [SAFETY, `${SAFETY}!`, COMPLAINT, QUESTION].sort(),
    );
    // Unassigned messages of the categories one owns are "mine".
    expect((await inbox(riskOfficer, '?owner=mine')).map((m) => m.text).sort()).toEqual(
      [SAFETY, `${SAFETY}!`].sort(),
    );
    expect((await inbox(team.marketer, '?owner=mine')).map((m) => m.text)).toEqual([COMPLAINT]);
    expect(
      (await inbox(team.executive, `?owner=${team.marketer.userId}`)).map((m) => m.text),
    ).toEqual([COMPLAINT]);
    expect(await inbox(team.admin, '?overdue=true')).toEqual([]);
    const bad = await as(api(), team.admin).get('/conversations?owner=someone').expect(400);
    expect(JSON.stringify(bad.body)).toContain('owner must be mine or a user id');
  });

  it('lets owners take, assign, note and close; others may not; every step audited', async () => {
    const safety = await byText(SAFETY);
    await as(api(), team.executive).post(`/conversations/${safety.id}/take`).expect(403);
    await as(api(), team.marketer).post(`/conversations/${safety.id}/take`).expect(403);

    const taken = await as(api(), riskOfficer).post(`/conversations/${safety.id}/take`).expect(200);
    expect(taken.body.assigneeId).toBe(riskOfficer.userId);
    const toExecutive = await as(api(), riskOfficer)
      .post(`/conversations/${safety.id}/assign`, { assigneeId: team.executive.userId })
      .expect(400);
    expect(toExecutive.body.errors).toEqual([expect.objectContaining({ field: 'assigneeId' })]);
    const assigned = await as(api(), riskOfficer)
      .post(`/conversations/${safety.id}/assign`, { assigneeId: team.marketer.userId })
      .expect(200);
    expect(assigned.body.assigneeId).toBe(team.marketer.userId);
    // The assignee may act on it, though not an owner of safety.
    const noted = await as(api(), team.marketer)
      .post(`/conversations/${safety.id}/notes`, { text: 'Called the family; risk report filed.' })
      .expect(201);
    expect(noted.body.notes).toEqual([
      expect.objectContaining({
        authorId: team.marketer.userId,
        text: 'Called the family; risk report filed.',
      }),
    ]);
    await as(api(), team.marketer)
      .post(`/conversations/${safety.id}/notes`, { text: '   ' })
      .expect(400);

    const closed = await as(api(), team.marketer)
      .post(`/conversations/${safety.id}/close`)
      .expect(200);
    expect(closed.body).toMatchObject({ status: 'closed', overdue: false });
    expect(closed.body.firstResponseAt).not.toBeNull();
    await as(api(), riskOfficer).post(`/conversations/${safety.id}/close`).expect(409);
    expect(
      (await as(api(), team.executive).get(`/conversations/${safety.id}`).expect(200)).body,
    ).toMatchObject({ status: 'closed', assigneeId: team.marketer.userId });

    expect(await actionsOn(safety.id)).toEqual([
      'conversation.safety_alerted',
      'conversation.taken',
      'conversation.assigned',
      'conversation.noted',
      'conversation.closed',
    ]);
    const [note] = await query<{ data: { sha256: string; noteId: string } }>(
      `SELECT data FROM audit_events WHERE subject_id = $1 AND action = 'conversation.noted'`,
      [safety.id],
    );
    expect(JSON.stringify(note.data)).not.toContain('risk report');
    expect(note.data.sha256).toMatch(/^[0-9a-f]{64}$/);

    // Another organization's message is not found.
    const other = await newsroom(api());
    await as(api(), other.admin).post(`/conversations/${safety.id}/take`).expect(404);
  });

  it('escalates a message past its target to the admins once, through the maintenance queue', async () => {
    const complaint = await byText(COMPLAINT);
    await query(
      `UPDATE conversation_messages SET received_at = now() - interval '25 hours' WHERE id = $1`,
      [complaint.id],
    );
    const late = await inbox(team.admin, '?overdue=true');
    expect(late.map((m) => m.text)).toEqual([COMPLAINT]);
    expect(late[0].dueAt).not.toBeNull();

    const events = new QueueEvents(QueueName.Maintenance, {
      connection: redisOptions(env.api.env.REDIS_URL),
      prefix: `{${env.api.env.QUEUE_PREFIX}}`,
    });
    try {
      const job = await worker.get(JobProducer).enqueue(JobName.EscalateOverdueFeedback, {});
      expect(await job.waitUntilFinished(events, 30_000)).toEqual({ escalated: 1 });
    } finally {
      await events.close();
    }
    // Run again, twice at once: nothing more.
    const alerts = worker.get(FeedbackAlerts);
    const again = await Promise.all([alerts.escalateOverdue(), alerts.escalateOverdue()]);
    expect(again).toEqual([{ escalated: 0 }, { escalated: 0 }]);

    await waitFor('the escalation push', async () => sinks.pushesTo('admin').length > 0);
    const [mail] = await sinks.smtp.waitFor(1, sinks.noticeTo(team.admin));
    await settle();
    expect(decrypted('admin')).toEqual([
      {
        title: 'A message is past its response target',
        kind: 'feedback_overdue',
        subjectId: complaint.id,
        url: `/inbox?message=${complaint.id}`,
      },
    ]);
    expect(mailsTo(team.admin)).toHaveLength(1);
    expect(mail.text).toContain(`${publicUrl()}/inbox?message=${complaint.id}`);
    expect(mail.text.toLowerCase()).not.toContain('bill');
    // The owner of complaints is not an admin: only admins hear of escalations.
    expect(sinks.pushesTo('marketer')).toHaveLength(0);
    expect(await actionsOn(complaint.id)).toEqual(['conversation.escalated']);
    expect((await as(api(), team.admin).get(`/conversations/${complaint.id}`)).body).toMatchObject({
      overdue: true,
      escalatedAt: expect.any(String),
    });
  });

  it('reports messages by category, the median time to first response and what is overdue', async () => {
    const report = await as(api(), team.executive).get('/reports/feedback').expect(200);
    expect(report.body.messages.byCategory).toEqual([
      { category: 'safety', count: 2 },
      { category: 'complaint', count: 1 },
      { category: 'question', count: 1 },
      { category: 'compliment', count: 0 },
      { category: 'spam', count: 0 },
      { category: 'other', count: 0 },
      { category: 'uncategorized', count: 0 },
    ]);
    expect(report.body.messages.total).toBe(4);
    expect(report.body.firstResponse.responded).toBe(1);
    expect(report.body.firstResponse.medianHours).toBeLessThan(1);
    expect(report.body.overdue.count).toBe(1);
    for (const section of ['messages', 'firstResponse', 'overdue'])
      expect(report.body[section].formula).toEqual(expect.any(String));

    const csv = await as(api(), team.executive)
      .get('/reports/feedback')
      .set('accept', 'text/csv')
      .expect(200);
    expect(csv.headers['content-disposition']).toMatch(/feedback-.*\.csv/);
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe('section,key,value,formula');
    expect(lines).toContainEqual(expect.stringMatching(/^messages,safety,2,/));
    expect(lines).toContainEqual(expect.stringMatching(/^overdue,count,1,/));
  });

  it('seeds take-it-private templates that pass the reply guard and are sent once approved', async () => {
    const templates = (await as(api(), team.marketer).get('/reply-templates').expect(200)).body as {
      id: string;
      text: string;
      purpose: string;
      createdById: string | null;
    }[];
    const seeded = templates.filter((t) => t.purpose === 'take_private');
    expect(seeded).toHaveLength(5);
    expect(seeded.every((t) => t.createdById === null)).toBe(true);
    const scanner = new PhiScanner();
    for (const t of seeded) expect(scanner.scanReply(t.text)).toEqual([]);

    const complaint = await byText(COMPLAINT);
    const early = await as(api(), team.marketer)
      .post(`/conversations/${complaint.id}/replies`, { templateId: seeded[0].id })
      .expect(422);
    expect(early.body.errors).toEqual([expect.objectContaining({ field: 'templateId' })]);
    await as(api(), team.compliance).post(`/reply-templates/${seeded[0].id}/approve`).expect(200);
    const reply = await as(api(), team.marketer)
      .post(`/conversations/${complaint.id}/replies`, { templateId: seeded[0].id })
      .expect(201);
    expect(reply.body.status).toBe('approved');
    await waitFor('the reply sent', async () =>
      (await control.xTweets(account.id)).some((t) => t.inReplyToTweetId === complaint.externalId),
    );
    const sent = (await control.xTweets(account.id)).filter(
      (t) => t.inReplyToTweetId === complaint.externalId,
    );
    expect(sent.map((t) => t.text)).toEqual([seeded[0].text]);
    const answered = await waitFor('the message replied', async () => {
      const m = (await as(api(), team.admin).get(`/conversations/${complaint.id}`)).body as Message;
      return m.status === 'replied' && m;
    });
    expect(answered.firstResponseAt).not.toBeNull();
    expect(answered.overdue).toBe(false);
  });
});
