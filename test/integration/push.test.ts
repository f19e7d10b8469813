import { AppConfig } from '@rounds/config';
import { createConversationMessage } from '../factories/conversations.factory';
import { Session } from '../factories/identity.factory';
import { as, hospital, Hospital, submittedPost, xPost } from '../factories/posts.factory';
import { waitFor } from '../factories/publishing.factory';
import { NotificationSinks, startNotificationSinks } from '../support/notification-sinks';
import { browserKeys } from '../support/push-endpoint';
import { startTestApi, TestApi } from '../support/test-api';

const POST_TEXT = 'Jane Doe thanks the night nurses of ward 4B for their care after her fall.';
const REPLY_TEXT = 'So glad your grandmother is home from the cardiac unit, Maria!';

describe('Web Push', () => {
  let sinks: NotificationSinks;
  let api: TestApi;
  let h: Hospital;

  beforeAll(async () => {
    sinks = await startNotificationSinks();
    api = await startTestApi(sinks.env, sinks.overridePush);
    h = await hospital(api.url);
  });
  afterAll(async () => {
    await api?.close();
    await sinks?.close();
  });

  const subscribe = (name: string, user: Session) => sinks.subscribe(api.url, name, user);

  /** The n-th push to the browser, decrypted and parsed; it must never carry the content's words. */
  async function nthPush(name: string, n: number, words: string) {
    const push = await waitFor(`push ${n} to ${name}`, async () => sinks.pushesTo(name)[n - 1]);
    expect(push.headers.authorization).toMatch(/^vapid t=.+, k=.+$/);
    const text = sinks.decrypt(name, push);
    for (const word of words.match(/\p{L}{4,}/gu)!)
      expect(text.toLowerCase()).not.toContain(word.toLowerCase());
    return JSON.parse(text) as Record<string, string>;
  }

  it('answers the key the browser subscribes with', async () => {
    const { body } = await as(api.url, h.marketer).get('/push/key').expect(200);
    expect(body).toEqual({
      enabled: true,
      publicKey: expect.stringMatching(/^[A-Za-z0-9_-]{87}$/),
    });
  });

  it('refuses a subscription that is not an https endpoint with its keys, naming the field', async () => {
    const { p256dh, auth } = browserKeys();
    const plain = await as(api.url, h.marketer)
      .post('/push/subscriptions', { endpoint: 'http://push.example/abc', keys: { p256dh, auth } })
      .expect(400);
    expect(JSON.stringify(plain.body)).toContain('endpoint must be an https URL');
    const keyless = await as(api.url, h.marketer)
      .post('/push/subscriptions', {
        endpoint: `${sinks.endpoint.url}/x`,
        keys: { p256dh, auth: 'short' },
      })
      .expect(400);
    expect(JSON.stringify(keyless.body)).toContain('keys.auth');
  });

  it('tells compliance a post waits, and the marketer it needs changes: ids and a neutral title only', async () => {
    await subscribe('compliance', h.compliance);
    await subscribe('marketer', h.marketer);
    const post = await submittedPost(api.url, h, xPost(h, { text: POST_TEXT }));

    expect(await nthPush('compliance', 1, POST_TEXT)).toEqual({
      title: 'A post is waiting for review',
      kind: 'post_submitted',
      subjectId: post.id,
      url: `/approvals/${post.id}`,
    });
    // The other officer has push off: the e-mail carries the same link. The pushed one gets none.
    const [mail] = await sinks.smtp.waitFor(1, sinks.noticeTo(h.compliance2));
    expect(mail.subject).toBe('[Rounds] A post is waiting for review');
    const publicUrl = api.app.get(AppConfig).PUBLIC_URL;
    expect(mail.text).toContain(`Open in Rounds: ${publicUrl}/approvals/${post.id}`);
    for (const word of POST_TEXT.match(/\p{L}{4,}/gu)!)
      expect(`${mail.subject} ${mail.text}`.toLowerCase()).not.toContain(word.toLowerCase());

    await as(api.url, h.compliance)
      .post(`/posts/${post.id}/reject`, { comment: 'Name only with consent' })
      .expect(200);
    expect(await nthPush('marketer', 1, POST_TEXT)).toEqual({
      title: 'Changes requested',
      kind: 'post_rejected',
      subjectId: post.id,
      url: `/posts/${post.id}`,
    });
    // Long enough for a mail sent by mistake to have arrived: the pushed users got none.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(sinks.smtp.messages.filter(sinks.noticeTo(h.compliance))).toEqual([]);
    expect(sinks.smtp.messages.filter(sinks.noticeTo(h.marketer))).toEqual([]);
  });

  it('tells compliance a reply waits for review, without its words', async () => {
    const messageId = await createConversationMessage(h.id);
    const reply = await as(api.url, h.marketer)
      .post(`/conversations/${messageId}/replies`, { text: REPLY_TEXT })
      .expect(201);
    expect(await nthPush('compliance', 2, REPLY_TEXT)).toEqual({
      title: 'A reply is waiting for review',
      kind: 'reply_submitted',
      subjectId: reply.body.id,
      url: '/inbox',
    });
  });

  it('stops pushing to a browser once it unsubscribes', async () => {
    await subscribe('compliance2', h.compliance2);
    await as(api.url, h.compliance)
      .delete(
        `/push/subscriptions?endpoint=${encodeURIComponent(`${sinks.endpoint.url}/compliance`)}`,
      )
      .expect(204);
    const post = await submittedPost(api.url, h, xPost(h, { text: POST_TEXT }));
    // One send covers every subscription of the notice: once the other officer has it, it is over.
    expect((await nthPush('compliance2', 1, POST_TEXT)).subjectId).toBe(post.id);
    expect(sinks.pushesTo('compliance')).toHaveLength(2);
  });
});
