import { setTimeout as sleep } from 'node:timers/promises';
import { PostMaintenanceService } from '@rounds/domain';
import { recordConsent, uploadFixture } from '../factories/media.factory';
import {
  approvedPost,
  as,
  hospital,
  Hospital,
  inHours,
  postAudit,
  xPost,
} from '../factories/posts.factory';
import { startTestApi, TestApi } from '../support/test-api';

describe('the emergency pause', () => {
  let api: TestApi;
  let h: Hospital;
  let maintenance: PostMaintenanceService;

  beforeAll(async () => {
    api = await startTestApi();
    h = await hospital(api.url);
    maintenance = api.app.get(PostMaintenanceService);
  });
  afterAll(() => api.close());

  const status = async (id: string) =>
    (await as(api.url, h.admin).get(`/posts/${id}`).expect(200)).body as {
      status: string;
      publications: { status: string }[];
    };
  const pause = (reason = 'Active incident on campus') =>
    as(api.url, h.admin).post('/organization/pause', { reason }).expect(200);
  const resume = () =>
    as(api.url, h.admin).post('/organization/resume', { reason: 'All clear' }).expect(200);

  it('is an admin’s switch, needs a reason, and is audited', async () => {
    await as(api.url, h.marketer).post('/organization/pause', { reason: 'x' }).expect(403);
    await as(api.url, h.compliance).post('/organization/pause', { reason: 'x' }).expect(403);
    const missing = await as(api.url, h.admin)
      .post('/organization/pause', { reason: '' })
      .expect(400);
    expect(missing.body.errors[0].field).toBe('reason');

    const paused = await pause();
    expect(paused.body).toMatchObject({
      paused: true,
      pauseReason: 'Active incident on campus',
      pausedById: h.admin.userId,
    });
    await as(api.url, h.admin).post('/organization/pause', { reason: 'again' }).expect(409);
    const seen = await as(api.url, h.executive).get('/me').expect(200);
    expect(seen.body.organization.pausedAt).toEqual(expect.any(String));

    await as(api.url, h.admin).post('/organization/resume', {}).expect(400);
    const resumed = await resume();
    expect(resumed.body).toMatchObject({ paused: false, pauseReason: null });
    await as(api.url, h.admin).post('/organization/resume', { reason: 'again' }).expect(409);

    const audit = await as(api.url, h.admin).get('/audit?subjectType=organization').expect(200);
    expect(
      audit.body.slice(0, 2).map((e: { action: string; data: object }) => [e.action, e.data]),
    ).toEqual([
      [
        'organization.resumed',
        expect.objectContaining({ reason: 'All clear', pauseReason: 'Active incident on campus' }),
      ],
      ['organization.paused', { reason: 'Active incident on campus' }],
    ]);
  });

  it('holds due posts while paused, and only those; resuming releases nothing', async () => {
    const due = await approvedPost(api.url, h, xPost(h, { scheduledAt: inHours(2) }));
    const later = await approvedPost(api.url, h, xPost(h, { scheduledAt: inHours(30) }));
    const other = await hospital(api.url);
    const unpaused = await approvedPost(api.url, other, xPost(other, { scheduledAt: inHours(2) }));
    const inThreeHours = new Date(Date.now() + 3 * 3600_000);

    expect(await maintenance.holdDuePublications(inThreeHours)).toEqual([]);
    await pause();
    const held = await maintenance.holdDuePublications(inThreeHours);
    expect(held).toHaveLength(1);
    expect(await status(due.id)).toMatchObject({
      status: 'held',
      publications: [{ status: 'held' }],
    });
    expect(await status(later.id)).toMatchObject({
      status: 'scheduled',
      publications: [{ status: 'scheduled' }],
    });
    expect(
      (await as(api.url, other.admin).get(`/posts/${unpaused.id}`).expect(200)).body.status,
    ).toBe('scheduled');
    expect(await maintenance.holdDuePublications(inThreeHours)).toEqual([]);

    const audit = await postAudit(api.url, h.admin, due.id);
    expect(audit.at(-1)).toMatchObject({
      action: 'post.held',
      actorId: null,
      data: {
        from: 'scheduled',
        to: 'held',
        reason: 'publishing is paused: Active incident on campus',
        publicationIds: held,
      },
    });
    const notices = (await as(api.url, h.marketer).get('/notifications').expect(200)).body;
    expect(notices).toContainEqual(
      expect.objectContaining({ kind: 'post_held', subjectId: due.id }),
    );

    await as(api.url, h.marketer).post(`/posts/${due.id}/release`).expect(409);
    const resumed = await resume();
    expect(resumed.body.heldPostIds).toEqual([due.id]);
    expect((await status(due.id)).status).toBe('held');

    const released = await as(api.url, h.marketer)
      .post(`/posts/${due.id}/release`, { comment: 'Incident over' })
      .expect(200);
    expect(released.body).toMatchObject({
      status: 'scheduled',
      publications: [{ status: 'scheduled' }],
    });
    expect((await postAudit(api.url, h.admin, due.id)).at(-1)).toMatchObject({
      action: 'post.released',
      actorId: h.marketer.userId,
      data: { comment: 'Incident over', from: 'held', to: 'scheduled' },
    });
    await as(api.url, h.marketer).post(`/posts/${later.id}/release`).expect(409);
  });

  it('asks for a new time when a held post’s time passed during the pause', async () => {
    const soon = await approvedPost(
      api.url,
      h,
      xPost(h, { scheduledAt: new Date(Date.now() + 4000).toISOString() }),
    );
    await pause();
    await sleep(Math.max(0, Date.parse(soon.scheduledAt) - Date.now() + 100));
    expect(await maintenance.holdDuePublications()).toHaveLength(1);
    await resume();
    const stale = await as(api.url, h.marketer).post(`/posts/${soon.id}/release`).expect(422);
    expect(stale.body.errors[0].field).toBe('scheduledAt');
    const past = await as(api.url, h.marketer)
      .post(`/posts/${soon.id}/release`, { scheduledAt: inHours(-1) })
      .expect(400);
    expect(past.body.errors[0].field).toBe('scheduledAt');
    const released = await as(api.url, h.marketer)
      .post(`/posts/${soon.id}/release`, { scheduledAt: '2031-02-02T08:00' })
      .expect(200);
    expect(released.body).toMatchObject({
      status: 'scheduled',
      scheduledAt: '2031-02-02T14:00:00.000Z',
    });
  });

  it('holds scheduled posts whose patient consent lapsed, and will not release them without consent', async () => {
    const photo = (await uploadFixture(api.url, h.marketer, 'pixel.png', { showsPatient: 'true' }))
      .id;
    const consent = await recordConsent(api.url, h.marketer, photo);
    const post = await approvedPost(api.url, h, {
      ...xPost(h, { text: undefined }),
      x: {
        text: 'Our new rehab gym is open.',
        images: [{ mediaId: photo, altText: 'The rehab gym' }],
      },
    });
    await as(api.url, h.admin)
      .post(`/consents/${consent.id}/revoke`, { reason: 'Patient withdrew consent' })
      .expect(200);
    // The reconciler's sweep (a revocation may already have held it in its own transaction).
    await maintenance.holdPostsWithLapsedConsent();
    expect(await status(post.id)).toMatchObject({
      status: 'held',
      publications: [{ status: 'held' }],
    });
    const refused = await as(api.url, h.marketer).post(`/posts/${post.id}/release`).expect(422);
    expect(refused.body.errors[0].field).toBe('mediaIds');
  });
});
