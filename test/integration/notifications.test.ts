import request from 'supertest';
import { NotificationRequest, NotificationsService, Role } from '@rounds/domain';
import { addUser, Session, signupOrganization } from '../factories/identity.factory';
import { ReceivedMail, startTestSmtp, TestSmtp } from '../support/smtp-server';
import { startTestApi, TestApi } from '../support/test-api';

describe('notifications', () => {
  let smtp: TestSmtp;
  let api: TestApi;
  let notifications: NotificationsService;
  let orgId: string;
  let admin: Session;
  let marketer: Session;
  let compliance: Session;
  let compliance2: Session;
  let executive: Session;
  const as = (session: Session) => ({
    get: (path: string) =>
      request(api.url).get(`/api/v1${path}`).auth(session.accessToken, { type: 'bearer' }),
    post: (path: string) =>
      request(api.url).post(`/api/v1${path}`).auth(session.accessToken, { type: 'bearer' }),
  });
  let subject = 0;
  /** A notice about a fresh subject, so each test finds its own rows and mails. */
  const notice = (fields: Partial<NotificationRequest> = {}): NotificationRequest => ({
    organizationId: orgId,
    kind: 'post_submitted',
    subjectId: `00000000-0000-4000-8000-${String(++subject).padStart(12, '0')}`,
    title: `Post ${subject} awaits review`,
    body: `"Flu shots at the Main St clinic" was submitted for review (notice ${subject}).`,
    ...fields,
  });
  const notify = (n: NotificationRequest) =>
    api.dataSource.transaction((tx) => notifications.notify(tx, n));
  const about = (n: NotificationRequest) => (m: ReceivedMail) =>
    m.subject === `[Rounds] ${n.title}`;

  beforeAll(async () => {
    smtp = await startTestSmtp();
    api = await startTestApi({ SMTP_URL: smtp.url, MAIL_FROM: 'rounds@mercy.test' });
    notifications = api.app.get(NotificationsService);
    const org = await signupOrganization(api.url);
    orgId = org.id;
    admin = org.admin;
    [marketer, compliance, compliance2, executive] = await Promise.all(
      ['marketer', 'compliance', 'compliance', 'executive'].map((r) => addUser(api.url, admin, r)),
    );
  });
  afterAll(async () => {
    await api.close();
    await smtp.close();
  });

  it('reaches every user of the roles and the named users, in-app and by e-mail', async () => {
    const n = notice({ toRoles: [Role.Compliance], toUserIds: [marketer.userId] });
    await notify(n);
    for (const user of [compliance, compliance2, marketer]) {
      const list = await as(user).get('/notifications').expect(200);
      expect(list.body[0]).toMatchObject({
        kind: 'post_submitted',
        subjectId: n.subjectId,
        title: n.title,
        body: n.body,
        readAt: null,
      });
    }
    for (const user of [admin, executive]) {
      const list = await as(user).get('/notifications').expect(200);
      expect(list.body.map((x: { subjectId: string }) => x.subjectId)).not.toContain(n.subjectId);
    }

    const mails = await smtp.waitFor(3, about(n));
    expect(mails.flatMap((m) => m.to).sort()).toEqual(
      [compliance.email, compliance2.email, marketer.email].sort(),
    );
    expect(mails[0].from).toBe('rounds@mercy.test');
    expect(mails[0].text).toContain(n.body);
    expect(mails[0].html).toContain('<p>&#34;Flu shots at the Main St clinic&#34; was submitted');
  });

  it('counts unread, marks one read, then all, newest first', async () => {
    const first = notice({ toUserIds: [executive.userId], kind: 'post_approved' });
    const second = notice({ toUserIds: [executive.userId], kind: 'post_held' });
    await notify(first);
    await notify(second);
    const unread = await as(executive).get('/notifications/unread-count').expect(200);
    expect(unread.body).toEqual({ count: 2 });
    const list = await as(executive).get('/notifications').expect(200);
    expect(list.body.map((x: { kind: string }) => x.kind)).toEqual(['post_held', 'post_approved']);

    const read = await as(executive).post(`/notifications/${list.body[1].id}/read`).expect(200);
    expect(read.body.readAt).toEqual(expect.any(String));
    await as(executive).post(`/notifications/${list.body[1].id}/read`).expect(200);
    expect((await as(executive).get('/notifications/unread-count')).body).toEqual({ count: 1 });
    const onlyUnread = await as(executive).get('/notifications?unread=true').expect(200);
    expect(onlyUnread.body.map((x: { id: string }) => x.id)).toEqual([list.body[0].id]);

    expect((await as(executive).post('/notifications/read-all').expect(200)).body).toEqual({
      marked: 1,
    });
    expect((await as(executive).get('/notifications/unread-count')).body).toEqual({ count: 0 });
  });

  it("keeps each user's notifications their own", async () => {
    const n = notice({ toUserIds: [compliance.userId] });
    await notify(n);
    const [mine] = (await as(compliance).get('/notifications').expect(200)).body;
    await as(compliance2).post(`/notifications/${mine.id}/read`).expect(404);
    const other = await signupOrganization(api.url);
    await as(other.admin).post(`/notifications/${mine.id}/read`).expect(404);
    expect((await as(compliance).get(`/notifications?unread=true`)).body[0].id).toBe(mine.id);

    // A user id of another organization is not a recipient, whatever the caller passes.
    const stray = notice({ toUserIds: [other.admin.userId] });
    await notify(stray);
    const theirs = await as(other.admin).get('/notifications').expect(200);
    expect(theirs.body).toEqual([]);
  });

  it('sends nothing and keeps nothing when the transaction rolls back', async () => {
    const rolledBack = notice({ toUserIds: [admin.userId] });
    await expect(
      api.dataSource.transaction(async (tx) => {
        await notifications.notify(tx, rolledBack);
        throw new Error('the post could not be submitted');
      }),
    ).rejects.toThrow('the post could not be submitted');
    // Mail goes out in order: once a later notice arrived, the rolled-back one never will.
    const later = notice({ toUserIds: [admin.userId] });
    await notify(later);
    await smtp.waitFor(1, about(later));
    expect(smtp.messages.filter(about(rolledBack))).toEqual([]);
    const list = await as(admin).get('/notifications').expect(200);
    expect(list.body.map((x: { subjectId: string }) => x.subjectId)).toEqual([later.subjectId]);
  });

  it('rolls back only what a failed savepoint asked for', async () => {
    const kept = notice({ toUserIds: [admin.userId] });
    const dropped = notice({ toUserIds: [admin.userId] });
    await api.dataSource.transaction(async (tx) => {
      await notifications.notify(tx, kept);
      await tx
        .transaction(async (inner) => {
          await notifications.notify(inner, dropped);
          throw new Error('inner step failed');
        })
        .catch(() => undefined);
    });
    await smtp.waitFor(1, about(kept));
    const list = await as(admin).get('/notifications').expect(200);
    expect(list.body.map((x: { subjectId: string }) => x.subjectId)).toContain(kept.subjectId);
    expect(list.body.map((x: { subjectId: string }) => x.subjectId)).not.toContain(
      dropped.subjectId,
    );
    expect(smtp.messages.filter(about(dropped))).toEqual([]);
  });

  it('still notifies in-app when the mail server is down', async () => {
    await smtp.close();
    const n = notice({ toUserIds: [marketer.userId], kind: 'channel_needs_reauth' });
    await expect(notify(n)).resolves.toBeUndefined();
    const list = await as(marketer).get('/notifications').expect(200);
    expect(list.body[0]).toMatchObject({ subjectId: n.subjectId, kind: 'channel_needs_reauth' });
  });
});
