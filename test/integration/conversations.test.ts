import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import {
  GOOGLE_DEMO_ACCOUNTS,
  GoogleControlClient,
  SandboxControlClient,
  type SandboxXAccount,
} from '@rounds/sandbox';
import {
  ConversationsSweep,
  MetricsSweep,
  PlatformClients,
  PULL_EVERY,
  PULL_INTERVAL_MS,
  RepliesService,
} from '@rounds/domain';
import { JobName, JobProducer, QueueName } from '@rounds/queue';
import request from 'supertest';
import { ConversationsProcessor } from '../../apps/worker/src/processors/conversations.processor';
import { PASSWORD } from '../factories/identity.factory';
import { uploadFixture } from '../factories/media.factory';
import {
  connectChannel,
  newsroom,
  Newsroom,
  publishedPost,
  publishedXPost,
  query,
  startApiOnSandbox,
  startProcessors,
} from '../factories/metrics.factory';
import { as } from '../factories/posts.factory';

const SAFE_REPLY = 'Thank you for reaching out! Please send us a direct message so we can help.';
const PHI_REPLY =
  'Yes, your mother was treated in our ER yesterday. We hope she feels better soon!';

interface Message {
  id: string;
  externalId: string;
  text: string;
  status: string;
  platform: string;
  category: string | null;
  categoryReasons: string[];
  inReplyToPublicationId: string | null;
  replies: { id: string; status: string }[];
}

describe('conversations: the inbox, reviewed replies and templates', () => {
  let env: Awaited<ReturnType<typeof startApiOnSandbox>>;
  let worker: INestApplicationContext;
  let control: SandboxControlClient;
  let team: Newsroom;
  let account: SandboxXAccount;
  let tweetId: string;
  let publicationId: string;
  let youtubeChannelId: string;
  let videoId: string;

  const api = () => env.api.url;
  const conversationsQueue = () => worker.get(JobProducer).queue(QueueName.Conversations);

  let slot = Math.ceil(Date.now() / PULL_INTERVAL_MS / PULL_EVERY.youtube) * PULL_EVERY.youtube;

  /** The conversations sweep of the next slot that pulls every platform; then its jobs have run. */
  async function pullAndSettle(): Promise<void> {
    await worker.get(MetricsSweep).sweep(); // enrols published posts, which replies are linked to
    slot += PULL_EVERY.youtube;
    await worker.get(ConversationsSweep).sweep(new Date(slot * PULL_INTERVAL_MS));
    await settle();
  }

  async function settle(timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const counts = await conversationsQueue().getJobCounts('waiting', 'active', 'prioritized');
      if (Object.values(counts).every((n) => n === 0)) return;
      if (Date.now() > deadline) throw new Error(`jobs did not finish: ${JSON.stringify(counts)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async function inbox(): Promise<Message[]> {
    return (await as(api(), team.marketer).get('/conversations').expect(200)).body;
  }

  const byText = async (text: string) => (await inbox()).find((m) => m.text === text)!;

  async function replyStatus(
    replyId: string,
  ): Promise<{ status: string; externalId: string | null }> {
    const [row] = await query<{ status: string; external_id: string | null }>(
      'SELECT status, external_id FROM conversation_replies WHERE id = $1',
      [replyId],
    );
    return { status: row.status, externalId: row.external_id };
  }

  async function waitForStatus(replyId: string, status: string, timeoutMs = 15_000) {
    const deadline = Date.now() + timeoutMs;
    while ((await replyStatus(replyId)).status !== status) {
      if (Date.now() > deadline) throw new Error(`reply ${replyId} never became ${status}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** A tweet of the account made straight at the sandbox, as a send of ours that reached X. */
  async function tweetAtSandbox(text: string, inReplyTo?: string): Promise<string> {
    const posted = await fetch(`${env.sandbox.url}/2/tweets`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${account.accessToken}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        text,
        ...(inReplyTo ? { reply: { in_reply_to_tweet_id: inReplyTo } } : {}),
      }),
    });
    return ((await posted.json()) as { data: { id: string } }).data.id;
  }

  /** POSTs to /2/tweets the sandbox received since its log was last cleared: sends, not tweets. */
  async function tweetCreates() {
    const log = await control.requests({ platform: 'x', path: '/2/tweets' });
    return log.filter((r) => r.method === 'POST' && r.path === '/2/tweets');
  }

  beforeAll(async () => {
    env = await startApiOnSandbox();
    control = new SandboxControlClient(env.sandbox.url);
    worker = await startProcessors(ConversationsProcessor);
    team = await newsroom(api());
    account = await control.createXAccount({ handle: 'MercyGeneral' });
    const xChannelId = await connectChannel(env.api, team.id, {
      platform: 'x',
      externalAccountId: account.id,
      handle: account.handle,
      accessToken: account.accessToken,
      refreshToken: account.refreshToken,
    });
    tweetId = await tweetAtSandbox('Our ER wait times are now online.');
    ({ publicationId } = await publishedXPost(api(), team, xChannelId, {
      externalId: tweetId,
      url: `https://x.com/${account.handle}/status/${tweetId}`,
      publishedAt: new Date(),
    }));

    const demo = GOOGLE_DEMO_ACCOUNTS[0];
    youtubeChannelId = await connectChannel(env.api, team.id, {
      platform: 'youtube',
      externalAccountId: demo.channelId,
      handle: demo.handle,
      accessToken: demo.accessToken,
      refreshToken: demo.refreshToken,
    });
    const clip = join(__dirname, '../fixtures/media/clip.mp4');
    const video = await worker.get(PlatformClients).youtube.uploadVideo(demo.accessToken, {
      filePath: clip,
      mimeType: 'video/mp4',
      sizeBytes: statSync(clip).size,
      title: 'A tour of the family lounge',
      description: 'Our new lounge.',
      tags: [],
      categoryId: '22',
      privacyStatus: 'public',
      madeForKids: false,
    });
    videoId = video.externalId;
    const media = await uploadFixture(api(), team.marketer, 'clip.mp4');
    await publishedPost(
      api(),
      team,
      {
        channelIds: [youtubeChannelId],
        youtube: {
          videoMediaId: media.id,
          title: 'A tour of the family lounge',
          description: 'Our new lounge.',
          tags: [],
          privacyStatus: 'public',
          madeForKids: false,
        },
      },
      { externalId: videoId, url: video.url, publishedAt: new Date() },
    );
  });
  afterAll(async () => {
    await worker?.close();
    await env?.close();
  });

  it('pulls replies and mentions on X and comments on YouTube into the inbox, once', async () => {
    await control.injectXMention({
      accountId: account.id,
      inReplyToTweetId: tweetId,
      text: 'Was my mom seen at your ER yesterday?',
      authorHandle: 'worried_son',
    });
    await control.injectXMention({
      accountId: account.id,
      text: '@MercyGeneral when does the flu clinic open?',
      authorHandle: 'neighbor',
    });
    await new GoogleControlClient(env.sandbox.url).injectComment({
      videoId,
      text: 'Lovely lounge! Is it open on weekends?',
      authorName: 'Pat Visitor',
    });
    await pullAndSettle();
    await pullAndSettle();

    const messages = await inbox();
    expect(messages.map((m) => [m.platform, m.text]).sort()).toEqual([
      ['x', '@MercyGeneral when does the flu clinic open?'],
      ['x', 'Was my mom seen at your ER yesterday?'],
      ['youtube', 'Lovely lounge! Is it open on weekends?'],
    ]);
    expect((await byText('Was my mom seen at your ER yesterday?')).inReplyToPublicationId).toBe(
      publicationId,
    );
    expect(messages.every((m) => m.status === 'new')).toBe(true);
  });

  it('holds a reply that confirms care for review, and will not approve it without an override', async () => {
    const message = await byText('Was my mom seen at your ER yesterday?');
    const drafted = await as(api(), team.marketer)
      .post(`/conversations/${message.id}/replies`, { text: PHI_REPLY })
      .expect(201);
    expect(drafted.body).toMatchObject({ status: 'in_review', requiredApprovals: 1 });
    // It confirms she was a patient, and the day of her care is a date of treatment.
    expect(drafted.body.findings).toEqual([
      expect.objectContaining({ kind: 'patient_confirmation', severity: 'block' }),
      expect.objectContaining({ kind: 'admission_date', severity: 'block', text: 'yesterday' }),
    ]);
    const refused = await as(api(), team.compliance)
      .post(`/conversations/replies/${drafted.body.id}/approve`, {})
      .expect(422);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'overrides' })]);

    const rejected = await as(api(), team.compliance)
      .post(`/conversations/replies/${drafted.body.id}/reject`, {
        comment: 'Never confirm a visit.',
      })
      .expect(200);
    expect(rejected.body.status).toBe('rejected');
    const queue = await as(api(), team.compliance)
      .get('/conversations/replies?status=in_review')
      .expect(200);
    expect(queue.body).toEqual([]);
  });

  it('lets nobody approve a reply they wrote', async () => {
    const message = await byText('Was my mom seen at your ER yesterday?');
    const drafted = await as(api(), team.marketer)
      .post(`/conversations/${message.id}/replies`, { text: SAFE_REPLY })
      .expect(201);
    // The author becomes a compliance officer: still not for their own words.
    await as(api(), team.admin)
      .patch(`/users/${team.marketer.userId}`, { role: 'compliance' })
      .expect(200);
    const login = await request(api())
      .post('/api/v1/auth/login')
      .send({ email: team.marketer.email, password: PASSWORD })
      .expect(200);
    const self = await as(api(), { ...team.marketer, accessToken: login.body.accessToken })
      .post(`/conversations/replies/${drafted.body.id}/approve`, {})
      .expect(403);
    expect(self.body.message).toMatch(/another compliance officer/);
    await as(api(), team.admin)
      .patch(`/users/${team.marketer.userId}`, { role: 'marketer' })
      .expect(200);
    await as(api(), team.compliance)
      .post(`/conversations/replies/${drafted.body.id}/reject`, { comment: 'Superseded.' })
      .expect(200);
  });

  it('sends an approved reply once, in reply to the mention, and audits every step', async () => {
    const message = await byText('Was my mom seen at your ER yesterday?');
    const drafted = await as(api(), team.marketer)
      .post(`/conversations/${message.id}/replies`, { text: SAFE_REPLY })
      .expect(201);
    const approved = await as(api(), team.compliance)
      .post(`/conversations/replies/${drafted.body.id}/approve`, { comment: 'Fine.' })
      .expect(200);
    expect(approved.body).toMatchObject({ status: 'approved', approvals: 1 });
    await waitForStatus(drafted.body.id, 'sent');

    // A second job for the same reply (a retry, a replica) finds it sent and does nothing.
    await worker
      .get(RepliesService)
      .enqueueSend({ id: drafted.body.id, organizationId: team.id }, '-again');
    await settle();
    const replies = (await control.xTweets(account.id)).filter(
      (t) => t.inReplyToTweetId === message.externalId,
    );
    expect(replies.map((t) => t.text)).toEqual([SAFE_REPLY]);
    expect((await replyStatus(drafted.body.id)).externalId).toBe((replies[0] as { id: string }).id);
    expect((await byText('Was my mom seen at your ER yesterday?')).status).toBe('replied');

    const trail = await as(api(), team.admin)
      .get(`/audit?subjectType=conversation_reply&subjectId=${drafted.body.id}`)
      .expect(200);
    expect(trail.body.map((e: { action: string }) => e.action).reverse()).toEqual([
      'conversation.reply_drafted',
      'conversation.reply_approved',
      'conversation.reply_sent',
    ]);
  });

  it('keeps reply templates to compliance and admins, scanned, approved by a second person, then sent at once', async () => {
    await as(api(), team.marketer)
      .post('/reply-templates', { name: 'DM us', text: SAFE_REPLY })
      .expect(403);
    const blocked = await as(api(), team.compliance)
      .post('/reply-templates', { name: 'Bad', text: PHI_REPLY })
      .expect(422);
    expect(blocked.body.errors).toEqual([expect.objectContaining({ field: 'text' })]);
    const template = await as(api(), team.admin)
      .post('/reply-templates', {
        name: 'Clinic hours',
        text: 'Our flu clinic is open 8am to 6pm, Monday to Saturday.',
      })
      .expect(201);
    const listed = await as(api(), team.marketer).get('/reply-templates').expect(200);
    // Beside the take-it-private set every organization starts with (feedback-routing.test.ts).
    const written = listed.body.filter((t: { purpose: string }) => t.purpose === 'general');
    expect(written.map((t: { name: string }) => t.name)).toEqual(['Clinic hours']);
    expect(written[0].approvedAt).toBeNull();

    // Nobody sends it until a compliance officer who did not write it approves it.
    const mention = await byText('@MercyGeneral when does the flu clinic open?');
    const early = await as(api(), team.marketer)
      .post(`/conversations/${mention.id}/replies`, { templateId: template.body.id })
      .expect(422);
    expect(early.body.errors).toEqual([expect.objectContaining({ field: 'templateId' })]);
    await as(api(), team.admin).post(`/reply-templates/${template.body.id}/approve`).expect(403);
    const approved = await as(api(), team.compliance)
      .post(`/reply-templates/${template.body.id}/approve`)
      .expect(200);
    expect(approved.body).toMatchObject({ approvedById: team.compliance.userId });

    const reply = await as(api(), team.marketer)
      .post(`/conversations/${mention.id}/replies`, { templateId: template.body.id })
      .expect(201);
    expect(reply.body).toMatchObject({ status: 'approved', templateId: template.body.id });
    await waitForStatus(reply.body.id, 'sent');

    const comment = await byText('Lovely lounge! Is it open on weekends?');
    const ytReply = await as(api(), team.marketer)
      .post(`/conversations/${comment.id}/replies`, { templateId: template.body.id })
      .expect(201);
    await waitForStatus(ytReply.body.id, 'sent');
    expect((await replyStatus(ytReply.body.id)).externalId).toBeTruthy();
  });

  /** Our replies with `text` under the message, as the platform holds them. */
  async function repliesOnPlatform(platform: 'x' | 'google', parentId: string, text: string) {
    if (platform === 'x') {
      return (await control.xTweets(account.id))
        .filter((t) => t.inReplyToTweetId === parentId && t.text === text)
        .map((t) => (t as { id: string }).id);
    }
    const url = `${env.sandbox.url}/youtube/v3/comments?part=snippet&maxResults=100&parentId=${parentId}`;
    const listed = await fetch(url, {
      headers: { authorization: `Bearer ${GOOGLE_DEMO_ACCOUNTS[0].accessToken}` },
    });
    const { items } = (await listed.json()) as {
      items: { id: string; snippet: { textOriginal: string } }[];
    };
    return items.filter((c) => c.snippet.textOriginal === text).map((c) => c.id);
  }

  it.each([
    ['x', 'Was my mom seen at your ER yesterday?', '/2/tweets'],
    ['google', 'Lovely lounge! Is it open on weekends?', '/youtube/v3/comments'],
  ] as const)(
    'a %s reply answered 503 after the platform created it: found there, sent once',
    async (platform, messageText, path) => {
      const text = `Thanks for asking! Please send us a direct message (${platform}).`;
      await control.addFault({
        platform,
        method: 'POST',
        path,
        mode: 'status-after-accept',
        status: 503,
        count: 1,
      });
      await control.clearRequests();
      const message = await byText(messageText);
      const drafted = await as(api(), team.marketer)
        .post(`/conversations/${message.id}/replies`, { text })
        .expect(201);
      await as(api(), team.compliance)
        .post(`/conversations/replies/${drafted.body.id}/approve`, {})
        .expect(200);
      await waitForStatus(drafted.body.id, 'sent');

      const creates = (await control.requests({ platform, path })).filter(
        (r) => r.method === 'POST' && r.path === path,
      );
      expect(creates.map((r) => r.status)).toEqual([503]);
      expect(await repliesOnPlatform(platform, message.externalId, text)).toEqual([
        (await replyStatus(drafted.body.id)).externalId,
      ]);
    },
  );

  describe('a reply a crashed worker left `sending`, its job lost with Redis', () => {
    /** Drafted, then as the crash left it: claimed (`sending`) 16 minutes ago, no job in Redis. */
    async function leftSending(text: string) {
      const message = await byText('@MercyGeneral when does the flu clinic open?');
      const drafted = await as(api(), team.marketer)
        .post(`/conversations/${message.id}/replies`, { text })
        .expect(201);
      const crashedAt = new Date(Date.now() - 16 * 60_000);
      await query(
        `UPDATE conversation_replies SET status = 'sending', approved_at = $2, updated_at = $2
          WHERE id = $1`,
        [drafted.body.id, crashedAt],
      );
      return { replyId: drafted.body.id as string, parentId: message.externalId };
    }

    it('is queued by the sweep, looked up, and sent exactly once when X never got it', async () => {
      const text = 'The flu clinic opens at 8 am on weekdays.';
      const { replyId, parentId } = await leftSending(text);
      await control.clearRequests();

      expect((await worker.get(ConversationsSweep).sweep()).requeued).toBe(1);
      // Absent on X: back to approved, and the job's next attempt (after its backoff) sends it.
      await waitForStatus(replyId, 'sent', 40_000);

      expect(await tweetCreates()).toHaveLength(1);
      expect(await repliesOnPlatform('x', parentId, text)).toEqual([
        (await replyStatus(replyId)).externalId,
      ]);
    }, 60_000);

    it('is found by the lookup and not sent again when X already has it', async () => {
      const text = 'Walk-ins are welcome at the flu clinic.';
      const { replyId, parentId } = await leftSending(text);
      const sentBeforeTheCrash = await tweetAtSandbox(text, parentId);
      await control.clearRequests();

      expect((await worker.get(ConversationsSweep).sweep()).requeued).toBe(1);
      await waitForStatus(replyId, 'sent');

      expect(await tweetCreates()).toEqual([]);
      expect((await replyStatus(replyId)).externalId).toBe(sentBeforeTheCrash);
      expect(await repliesOnPlatform('x', parentId, text)).toEqual([sentBeforeTheCrash]);
    });

    it('sent again after a lookup that missed it: X answers duplicate, and the lookup finds it', async () => {
      const text = 'Bring your insurance card to the flu clinic.';
      const { replyId, parentId } = await leftSending(text);
      const sentBeforeTheCrash = await tweetAtSandbox(text, parentId);
      // The first lookup reads the timeline garbled (as a lagging X might show it), so it misses.
      await control.addFault({
        platform: 'x',
        method: 'GET',
        path: '^/2/users/[^/]+/tweets$',
        mode: 'hostile-text',
        count: 1,
      });
      await control.clearRequests();

      expect((await worker.get(ConversationsSweep).sweep()).requeued).toBe(1);
      await waitForStatus(replyId, 'sent', 40_000);

      expect((await tweetCreates()).map((r) => r.status)).toEqual([403]);
      expect((await replyStatus(replyId)).externalId).toBe(sentBeforeTheCrash);
      expect(await repliesOnPlatform('x', parentId, text)).toEqual([sentBeforeTheCrash]);
    }, 60_000);
  });

  it('sends nothing while the organization is paused', async () => {
    await as(api(), team.admin).post('/organization/pause', { reason: 'Crisis drill' }).expect(200);
    try {
      const mention = await byText('@MercyGeneral when does the flu clinic open?');
      const before = (await control.xTweets(account.id)).length;
      const drafted = await as(api(), team.marketer)
        .post(`/conversations/${mention.id}/replies`, { text: SAFE_REPLY })
        .expect(201);
      await as(api(), team.compliance)
        .post(`/conversations/replies/${drafted.body.id}/approve`, {})
        .expect(200);
      await settle();
      // The send job ran, found the pause and waits to look again.
      expect((await conversationsQueue().getJobCounts('delayed')).delayed).toBe(1);
      expect((await replyStatus(drafted.body.id)).status).toBe('approved');
      expect(await control.xTweets(account.id)).toHaveLength(before);
    } finally {
      await as(api(), team.admin).post('/organization/resume', { reason: 'Drill over' });
    }
  });

  it('dismisses a message that needs no answer', async () => {
    const comment = await byText('Lovely lounge! Is it open on weekends?');
    const dismissed = await as(api(), team.marketer)
      .post(`/conversations/${comment.id}/dismiss`)
      .expect(200);
    expect(dismissed.body.status).toBe('dismissed');
    const unanswered = await as(api(), team.executive).get('/conversations?status=new').expect(200);
    expect(unanswered.body.map((m: Message) => m.id)).not.toContain(comment.id);
  });

  it('stores what people post with NUL bytes and lone surrogates, cleaned, without failing the pull', async () => {
    for (const [platform, path] of [
      ['x', '^/2/users/[^/]+/mentions'],
      ['google', '^/youtube/v3/commentThreads'],
    ] as const) {
      await control.addFault({ platform, method: 'GET', path, mode: 'hostile-text', count: 1 });
    }
    await control.injectXMention({
      accountId: account.id,
      inReplyToTweetId: tweetId,
      text: 'Is parking free for visitors?',
      authorHandle: 'visitor_x',
      authorName: 'Vi Sitor',
    });
    await new GoogleControlClient(env.sandbox.url).injectComment({
      videoId,
      text: 'Where is the lounge?',
      authorName: 'Lou Nge',
    });
    // Only the pulls: the paused test's reply, released meanwhile, may fail on its own account.
    const failedPulls = async () =>
      (await conversationsQueue().getFailed())
        .filter((j) => j.name === JobName.PullConversations)
        .map((j) => `${j.id}: ${j.failedReason}`);
    const failedBefore = await failedPulls();
    await pullAndSettle();

    // The sandbox sent "\u0000<text>\ud83d \ude00": the NUL is dropped, each lone half is U+FFFD.
    const rows = await query<{ platform: string; author_name: string; text: string }>(
      `SELECT platform, author_name, text FROM conversation_messages
       WHERE text LIKE 'Is parking%' OR text LIKE 'Where is the lounge%' ORDER BY platform`,
    );
    expect(rows).toEqual(
      [
        {
          platform: 'x',
          author_name: 'Vi Sitor\ufffd \ufffd',
          text: 'Is parking free for visitors?\ufffd \ufffd',
        },
        {
          platform: 'youtube',
          author_name: 'Lou Nge\ufffd \ufffd',
          text: 'Where is the lounge?\ufffd \ufffd',
        },
      ].sort((a, b) => a.platform.localeCompare(b.platform)),
    );
    expect(await failedPulls()).toEqual(failedBefore);
    expect(await control.faults()).toEqual([]);
  });

  it('files each pulled message under a feedback category, and the inbox filters by it', async () => {
    const safety = 'the night nurse gave my dad the wrong insulin dose and he passed out';
    const spam = 'FREE iPhone giveaway!!! follow + check my profile';
    for (const text of [safety, spam]) {
      await control.injectXMention({
        accountId: account.id,
        inReplyToTweetId: tweetId,
        text,
        authorHandle: 'someone',
      });
    }
    await pullAndSettle();

    const filed = await as(api(), team.marketer).get('/conversations?category=safety').expect(200);
    expect(filed.body.map((m: Message) => m.text)).toEqual([safety]);
    expect(filed.body[0].categoryReasons.length).toBeGreaterThan(0);
    const spammed = await as(api(), team.marketer).get('/conversations?category=spam').expect(200);
    expect(spammed.body.map((m: Message) => m.text)).toEqual([spam]);

    const bad = await as(api(), team.marketer).get('/conversations?category=urgent').expect(400);
    expect(JSON.stringify(bad.body)).toContain('category must be one of');
  });
});
