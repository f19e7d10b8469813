import { readFileSync } from 'node:fs';
import type { INestApplicationContext } from '@nestjs/common';
import { QueueEvents } from 'bullmq';
import { DateTime } from 'luxon';
import { Client } from 'pg';
import request from 'supertest';
import {
  AuditAction,
  AuditChainService,
  ConversationPuller,
  ConversationsSweep,
  DigestService,
  FeedbackAlerts,
  type ExportLine,
} from '@rounds/domain';
import { auditHash } from '@rounds/domain/audit/audit-hash';
import { AppConfig } from '@rounds/config';
import { JobName, JobProducer, QueueName, redisOptions } from '@rounds/queue';
import { type FaultRequest, SandboxControlClient } from '@rounds/sandbox';
import { registerOidcClient } from '../../apps/sandbox/src/oidc/oidc-registration';
import { connectThroughOAuth, listChannels } from '../factories/channels.factory';
import { addUser, PASSWORD, Session, signupOrganization } from '../factories/identity.factory';
import { recordConsent, uploadFixture } from '../factories/media.factory';
import { newsroom, Newsroom, startApiOnSandbox } from '../factories/metrics.factory';
import { enrolTotp, login, loginMfa } from '../factories/mfa.factory';
import { as } from '../factories/posts.factory';
import {
  postOf,
  scheduleXPost,
  secondsFromNow,
  waitFor,
  waitForPublications,
} from '../factories/publishing.factory';
import { putSso, signInWithSso, ssoSettings } from '../factories/sso.factory';
import {
  backdateAuditEvents,
  downloadAuditExport,
  runAuditVerify,
  writeExportFile,
} from '../support/audit-export';
import { FAST_PUBLISHING } from '../support/processes';
import { startTestSmtp, TestSmtp } from '../support/smtp-server';
import { startTestWorker } from '../support/test-worker';

const PHI_TEXT =
  'Get well soon Maria Lopez after her chemo! The whole oncology family is cheering for you';
const NEW_PASSWORD = 'a different horse, battery and staple';

type ExportedEvent = Extract<ExportLine, { type: 'event' }>;
type ExportedCheckpoint = Extract<ExportLine, { type: 'checkpoint' }>;

/**
 * Every action of `AuditAction` performed as people do it: through the API's routes by several
 * users and roles, posts and replies sent by the real worker to the sandbox. Then every chain
 * verifies, and the auditor's export passes `npm run audit:verify`, which catches each tampering.
 * A new action nobody performs here fails the test.
 */
describe('the audit trail of a hospital in real use: every action', () => {
  let env: Awaited<ReturnType<typeof startApiOnSandbox>>;
  let smtp: TestSmtp;
  let worker: INestApplicationContext;
  let owner: Client;
  let sandbox: SandboxControlClient;
  let t: Newsroom & { compliance2: Session };
  let retained: { id: string; email: string };
  let xChannel: string;
  let exportFile: string;

  const url = () => env.api.url;
  const stack = () => ({ apiUrl: url() });
  const actionsOf = async (organizationId: string) =>
    (
      await owner.query<{ action: string }>(
        'SELECT action FROM audit_events WHERE organization_id = $1',
        [organizationId],
      )
    ).rows.map((r) => r.action);
  const recorded = (organizationId: string, action: AuditAction) =>
    waitFor(`${action} on the audit trail`, async () =>
      (await actionsOf(organizationId)).includes(action),
    );
  /** The sandbox answers the next tweet sent (a post or a reply) with `fault`. */
  const failNextTweet = (fault: Pick<FaultRequest, 'mode' | 'status'>) =>
    sandbox.addFault({ platform: 'x', method: 'POST', path: '/2/tweets', count: 1, ...fault });
  /** A post due in 3 s on the X channel, sent through the worker; waits until it is `status`. */
  const publish = async (
    text: string,
    status: string,
    fault?: Pick<FaultRequest, 'mode' | 'status'>,
  ) => {
    if (fault) await failNextTweet(fault);
    const postId = await scheduleXPost(url(), t, [xChannel], text, secondsFromNow(10));
    await waitForPublications(stack(), t, postId, status);
  };
  const tokenIn = (text: string) => /#token=([A-Za-z0-9_-]+)/.exec(text)![1];

  beforeAll(async () => {
    smtp = await startTestSmtp();
    env = await startApiOnSandbox({
      ...FAST_PUBLISHING,
      SMTP_URL: smtp.url,
      // The worker signs the head every 20 events: the export carries several checkpoints.
      AUDIT_CHECKPOINT_EVERY_EVENTS: '20',
    });
    sandbox = new SandboxControlClient(env.sandbox.url);
    owner = new Client({ connectionString: env.api.env.MIGRATION_DATABASE_URL });
    await owner.connect();

    // An organization whose first events are seven years old, before anything signs its chain.
    const old = await signupOrganization(url());
    await addUser(url(), old.admin, 'executive');
    await backdateAuditEvents(owner, old.id, 4, 7);
    retained = { id: old.id, email: old.admin.email };

    worker = await startTestWorker();
    const team = await newsroom(url());
    t = { ...team, compliance2: await addUser(url(), team.admin, 'compliance') };
  }, 120_000);
  afterAll(async () => {
    await worker?.close();
    await owner?.end();
    await env?.close();
    await smtp?.close();
  });
  afterEach(() => sandbox.clearFaults());

  it('people: invitations, roles, passwords, sessions, MFA, offboarding', async () => {
    const person = await addUser(url(), t.admin, 'marketer');
    await as(url(), t.admin).patch(`/users/${person.userId}`, { role: 'executive' }).expect(200);
    await login(url(), person.email, 'not the password').expect(401);
    await as(url(), person)
      .post('/me/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD })
      .expect(204);

    await request(url())
      .post('/api/v1/auth/password-reset')
      .send({ email: person.email })
      .expect(202);
    const [mail] = await smtp.waitFor(
      1,
      (m) => m.to.includes(person.email) && /reset/i.test(m.text),
    );
    await request(url())
      .post('/api/v1/auth/password-reset/confirm')
      .send({ token: tokenIn(mail.text), password: PASSWORD })
      .expect(204);

    const session = (await login(url(), person.email, PASSWORD).expect(200)).body;
    const rotated = await request(url())
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: session.refreshToken })
      .expect(200);
    await owner.query(
      `UPDATE refresh_tokens SET rotated_at = rotated_at - interval '1 minute' WHERE rotated_at IS NOT NULL`,
    );
    // The rotated token comes back after the grace window: a thief's copy; the session ends.
    await request(url())
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: session.refreshToken })
      .expect(401);
    const again = (await login(url(), person.email, PASSWORD).expect(200)).body;
    await request(url())
      .post('/api/v1/auth/logout')
      .send({ refreshToken: again.refreshToken })
      .expect(204);
    expect(rotated.body.refreshToken).not.toBe(session.refreshToken);

    const enrolment = await enrolTotp(url(), t.compliance2);
    const challenge = (await login(url(), t.compliance2.email, PASSWORD).expect(200)).body;
    expect(challenge.mfaRequired).toBe(true);
    await loginMfa(url(), challenge.mfaToken, '000000').expect(401);
    await loginMfa(url(), challenge.mfaToken, enrolment.recoveryCodes[0]).expect(200);

    await as(url(), t.admin)
      .post(`/users/${person.userId}/deactivate`, { reason: 'left the hospital' })
      .expect(200);
    await as(url(), t.admin)
      .post(`/users/${person.userId}/reactivate`, { reason: 'came back' })
      .expect(200);
  });

  it('single sign-on against the sandbox’s OpenID provider', async () => {
    const issuer = `${env.sandbox.url}/oidc`;
    const domain = 'mercy-every-action.test';
    const client = await registerOidcClient(
      issuer,
      `${env.api.app.get(AppConfig).PUBLIC_URL}/api/v1/auth/sso/callback`,
    );
    await putSso(url(), t.admin, { ...ssoSettings(issuer, client), emailDomains: [domain] }).expect(
      200,
    );
    expect((await signInWithSso(url(), `marketer.sso@${domain}`)).tokens).toBeDefined();
    expect((await signInWithSso(url(), `nobody.sso@${domain}`)).error).toBeTruthy();
  });

  it('channels: connected, disconnected, and one whose grant the platform revoked', async () => {
    xChannel = await connectThroughOAuth(url(), t.admin, 'x');
    const gone = await connectThroughOAuth(url(), t.admin, 'x');
    await as(url(), t.admin).delete(`/channels/${gone}`).expect(200);

    const revoked = await connectThroughOAuth(url(), t.admin, 'x');
    const account = (await listChannels(url(), t.admin)).find((c) => c.id === revoked)!;
    await sandbox.revokeX(account.externalAccountId);
    const postId = await scheduleXPost(
      url(),
      t,
      [revoked],
      'Urgent care open.',
      secondsFromNow(10),
    );
    await waitForPublications(stack(), t, postId, 'held');
  });

  it('posts: written, revised, reviewed, overridden, rescheduled, published, failed, in doubt, held, released, expired, cancelled', async () => {
    await publish('Flu shots on Saturday.', 'published');
    await publish('Open house.', 'published', { mode: 'drop-after-accept' }); // in doubt, then found
    await publish('Lab hours.', 'failed', { mode: 'status', status: 403 });
    await sandbox.clearFaults();

    // Written, rejected, revised, submitted again, approved over a PHI finding, rescheduled.
    const created = await as(url(), t.marketer)
      .post('/posts', { channelIds: [xChannel], scheduledAt: secondsFromNow(3600), text: PHI_TEXT })
      .expect(201);
    const id = created.body.id as string;
    await as(url(), t.marketer).post(`/posts/${id}/submit`).expect(200);
    await as(url(), t.compliance)
      .post(`/posts/${id}/reject`, { comment: 'Not this wording.' })
      .expect(200);
    const revised = await as(url(), t.marketer)
      .patch(`/posts/${id}`, { text: `${PHI_TEXT}!` })
      .expect(200);
    const submitted = await as(url(), t.marketer).post(`/posts/${id}/submit`).expect(200);
    const finding = (submitted.body.findings as { id: string; severity: string }[]).find(
      (f) => f.severity === 'block',
    )!;
    await as(url(), t.compliance)
      .post(`/posts/${id}/approve`, {
        revisionId: revised.body.revision.id,
        overrides: [
          { findingId: finding.id, justification: 'Signed authorization on file, A-113' },
        ],
      })
      .expect(200);
    await as(url(), t.marketer)
      .patch(`/posts/${id}`, { scheduledAt: secondsFromNow(7200) })
      .expect(200);
    await as(url(), t.marketer).post(`/posts/${id}/cancel`).expect(200);

    // Due while the organization is paused: held; released after the resume, then published.
    const paused = await scheduleXPost(url(), t, [xChannel], 'Blood drive.', secondsFromNow(10));
    await as(url(), t.admin).post('/organization/pause', { reason: 'storm response' }).expect(200);
    await waitForPublications(stack(), t, paused, 'held');
    await as(url(), t.admin).post('/organization/resume', { reason: 'all clear' }).expect(200);
    await as(url(), t.marketer)
      .post(`/posts/${paused}/release`, { scheduledAt: secondsFromNow(2).toISOString() })
      .expect(200);
    await waitForPublications(stack(), t, paused, 'published');

    // Still in review at its time.
    const late = await as(url(), t.marketer)
      .post('/posts', {
        channelIds: [xChannel],
        scheduledAt: secondsFromNow(3),
        text: 'Gift shop.',
      })
      .expect(201);
    await as(url(), t.marketer).post(`/posts/${late.body.id}/submit`).expect(200);
    await waitFor(
      'the post in review to expire',
      async () => (await postOf(url(), t.marketer, late.body.id)).status === 'expired',
    );
  }, 180_000); // a dozen posts, each due 10 s out

  it('media and consent', async () => {
    const photo = await uploadFixture(url(), t.marketer, 'pixel.png');
    await as(url(), t.marketer).patch(`/media/${photo.id}`, { showsPatient: true }).expect(200);
    const consent = await recordConsent(url(), t.marketer, photo.id);
    await as(url(), t.compliance)
      .post(`/consents/${consent.id}/revoke`, { reason: 'withdrawn' })
      .expect(200);
  });

  it('conversations: replies approved and sent, rejected, failed; a message dismissed; templates', async () => {
    const account = (await listChannels(url(), t.admin)).find((c) => c.id === xChannel)!;
    const texts = ['Flu clinic hours?', 'Parking?', 'Visiting hours?', 'Spam spam spam'];
    for (const text of texts) {
      await sandbox.injectXMention({
        accountId: account.externalAccountId,
        text: `@${account.handle} ${text}`,
        authorHandle: 'neighbor',
      });
    }
    await worker.get(ConversationsSweep).sweep();
    const inbox = await waitFor('the mentions in the inbox', async () => {
      const messages = (await as(url(), t.marketer).get('/conversations').expect(200)).body as {
        id: string;
        text: string;
      }[];
      return messages.length >= texts.length && messages;
    });
    const message = (text: string) => inbox.find((m) => m.text.includes(text))!.id;
    const reply = async (text: string, answer: string) =>
      (
        await as(url(), t.marketer)
          .post(`/conversations/${message(text)}/replies`, { text: answer })
          .expect(201)
      ).body.id as string;
    const replyStatus = (replyId: string, status: string) =>
      waitFor(`reply ${replyId} ${status}`, async () => {
        const replies = (await as(url(), t.marketer).get('/conversations/replies').expect(200))
          .body as { id: string; status: string }[];
        return replies.find((r) => r.id === replyId)?.status === status;
      });

    const sent = await reply('Flu clinic', 'Weekdays 9 to 5. Thank you!');
    await as(url(), t.compliance).post(`/conversations/replies/${sent}/approve`).expect(200);
    await replyStatus(sent, 'sent');

    const rejected = await reply('Parking', 'Free for patients.');
    await as(url(), t.compliance)
      .post(`/conversations/replies/${rejected}/reject`, { comment: 'Not true.' })
      .expect(200);

    await failNextTweet({ mode: 'status', status: 403 });
    const failed = await reply('Visiting', 'Until 8 pm.');
    await as(url(), t.compliance).post(`/conversations/replies/${failed}/approve`).expect(200);
    await replyStatus(failed, 'failed');

    await as(url(), t.marketer)
      .post(`/conversations/${message('Spam')}/dismiss`)
      .expect(200);

    const template = await as(url(), t.compliance)
      .post('/reply-templates', { name: 'Thanks', text: 'Thank you for reaching out!' })
      .expect(201);
    await as(url(), t.compliance2).post(`/reply-templates/${template.body.id}/approve`).expect(200);
  });

  it('patient feedback: owners and targets set, a safety message alerted, taken, assigned, noted, closed; one escalated', async () => {
    const group = await as(url(), t.admin)
      .post('/feedback/groups', { name: 'Risk management', memberIds: [t.marketer.userId] })
      .expect(201);
    const spare = await as(url(), t.admin)
      .post('/feedback/groups', { name: 'Spare', memberIds: [] })
      .expect(201);
    await as(url(), t.admin).delete(`/feedback/groups/${spare.body.id}`).expect(204);
    await as(url(), t.admin)
      .put('/feedback/routes', {
        category: 'safety',
        ownerGroupId: group.body.id,
        responseTargetHours: 1,
      })
      .expect(200);
    await as(url(), t.admin)
      .put('/feedback/routes', { category: 'complaint', responseTargetHours: 1 })
      .expect(200);

    const account = (await listChannels(url(), t.admin)).find((c) => c.id === xChannel)!;
    const said = {
      safety: `@${account.handle} the nurse gave my mother the wrong medication twice`,
      complaint: `@${account.handle} the parking garage charged me $40, ridiculous`,
    };
    for (const text of Object.values(said)) {
      await sandbox.injectXMention({
        accountId: account.externalAccountId,
        text,
        authorHandle: 'pat',
      });
    }
    // The sweep's pull of this slot ran already: pulled directly.
    await worker.get(ConversationPuller).pull(t.id, xChannel);
    const inbox = await waitFor('the feedback in the inbox', async () => {
      const messages = (await as(url(), t.admin).get('/conversations').expect(200)).body as {
        id: string;
        text: string;
      }[];
      const found = Object.values(said).map((text) => messages.find((m) => m.text === text));
      return found.every(Boolean) && (found as { id: string }[]);
    });
    const [safety, complaint] = inbox.map((m) => m.id);
    await recorded(t.id, AuditAction.ConversationSafetyAlerted);

    await as(url(), t.marketer).post(`/conversations/${safety}/take`).expect(200);
    await as(url(), t.marketer)
      .post(`/conversations/${safety}/assign`, { assigneeId: t.admin.userId })
      .expect(200);
    await as(url(), t.admin)
      .post(`/conversations/${safety}/notes`, { text: 'Risk report RM-88 filed.' })
      .expect(201);
    await as(url(), t.admin).post(`/conversations/${safety}/close`).expect(200);

    await owner.query(
      `UPDATE conversation_messages SET received_at = now() - interval '2 hours' WHERE id = $1`,
      [complaint],
    );
    await worker.get(FeedbackAlerts).escalateOverdue();
    await recorded(t.id, AuditAction.ConversationEscalated);
  });

  it('organization: settings, restricted terms, legal hold, the digest, a retention cut', async () => {
    await as(url(), t.admin).patch('/organization/settings', { mfaRequired: true }).expect(200);
    const term = await as(url(), t.compliance)
      .post('/restricted-terms', { term: 'Project Falcon', severity: 'block' })
      .expect(201);
    await as(url(), t.compliance).delete(`/restricted-terms/${term.body.id}`).expect(204);
    await as(url(), t.admin).post('/organization/legal-hold', { reason: 'litigation' }).expect(200);
    await as(url(), t.admin)
      .post('/organization/legal-hold/lift', { reason: 'settled' })
      .expect(200);

    // The week's digest goes out once the organization's Monday 09:00 has come.
    const monday = DateTime.now().setZone('America/Chicago').startOf('week').set({ hour: 9 });
    await worker.get(DigestService).sweep(monday.toJSDate());
    await recorded(t.id, AuditAction.DigestSent);

    const events = new QueueEvents(QueueName.Maintenance, {
      connection: redisOptions(env.api.env.REDIS_URL),
      prefix: `{${env.api.env.QUEUE_PREFIX}}`,
    });
    try {
      const job = await worker.get(JobProducer).enqueue(JobName.ApplyRetention, {});
      await job.waitUntilFinished(events, 30_000);
    } finally {
      await events.close();
    }
    await recorded(retained.id, AuditAction.RetentionApplied);
  });

  it('has every action the code defines on the audit trail', async () => {
    const { rows } = await owner.query<{ action: string }>(
      'SELECT DISTINCT action FROM audit_events',
    );
    const seen = new Set(rows.map((r) => r.action));
    expect(Object.values(AuditAction).filter((action) => !seen.has(action))).toEqual([]);
  });

  it('verifies every organization’s chain, and the export offline', async () => {
    await worker.get(AuditChainService).checkpointHeads();
    const cut = (await login(url(), retained.email, PASSWORD).expect(200)).body;
    for (const token of [t.compliance.accessToken, cut.accessToken]) {
      const verified = await request(url())
        .get('/api/v1/audit/verify')
        .auth(token, { type: 'bearer' })
        .expect(200);
      expect(verified.body).toMatchObject({ valid: true });
    }
    exportFile = await downloadAuditExport(url(), t.compliance.accessToken);
    const result = await runAuditVerify(exportFile);
    expect(result.stdout).toContain('VALID');
    expect(result.code).toBe(0);
  });

  describe('catches tampering with the exported file', () => {
    const lines = () =>
      readFileSync(exportFile, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as ExportLine);
    const events = (all: ExportLine[]) => all.filter((l): l is ExportedEvent => l.type === 'event');
    const checkpoints = (all: ExportLine[]) =>
      all.filter((l): l is ExportedCheckpoint => l.type === 'checkpoint');
    const save = (all: ExportLine[]) =>
      writeExportFile(all.map((l) => JSON.stringify(l)).join('\n'));
    const at = (all: ExportLine[], seq: number) =>
      all.findIndex((l) => l.type === 'event' && l.seq === seq);

    /** What an attacker does to the file, and the first broken link the verifier must name. */
    const cases: [string, (all: ExportLine[]) => ExportLine[], (all: ExportLine[]) => RegExp][] = [
      [
        'an edited event',
        (all) => {
          (all[at(all, 10)] as ExportedEvent).data = { role: 'admin' };
          return all;
        },
        () => /BROKEN at event 10 \(.*\): edited/,
      ],
      [
        'an event deleted from the middle',
        (all) => all.filter((_, i) => i !== at(all, 12)),
        () => /BROKEN at event 12: deleted/,
      ],
      [
        'two events swapped',
        (all) => {
          const [i, j] = [at(all, 14), at(all, 15)];
          const [a, b] = [all[i] as ExportedEvent, all[j] as ExportedEvent];
          [a.seq, b.seq] = [b.seq, a.seq];
          [all[i], all[j]] = [b, a];
          return all;
        },
        () => /BROKEN at event 14 \(.*\): reordered/,
      ],
      [
        'the newest events cut off, back past the last checkpoint',
        (all) => {
          const from = checkpoints(all).at(-1)!.seq - 2;
          return all.filter((l) => l.type !== 'event' || l.seq < from);
        },
        (all) => new RegExp(`BROKEN at event ${checkpoints(all).at(-1)!.seq - 2}: truncated`),
      ],
      [
        'the chain re-hashed after an edit, without the signing key',
        (all) => {
          let prevHash = '';
          for (const event of events(all)) {
            if (event.seq < 10) {
              prevHash = event.hash;
              continue;
            }
            if (event.seq === 10) event.data = { role: 'admin' };
            event.prevHash = prevHash;
            event.hash = auditHash({ ...event, prevHash });
            prevHash = event.hash;
          }
          return all;
        },
        (all) => {
          const signed = checkpoints(all).filter((c) => c.seq >= 10);
          return new RegExp(`BROKEN at event ${Math.min(...signed.map((c) => c.seq))}.*: rehashed`);
        },
      ],
      [
        'a forged checkpoint signature',
        (all) => {
          checkpoints(all)[0].signature = Buffer.alloc(64).toString('base64url');
          return all;
        },
        () => /bad_checkpoint/,
      ],
    ];
    it.each(cases)('%s', async (_, tamper, expected) => {
      const original = lines();
      const result = await runAuditVerify(save(tamper(lines())));
      expect(result.stdout).toMatch(expected(original));
      expect(result.code).toBe(1);
    });
  });
});
