import { PostMaintenanceService } from '@rounds/domain';
import { recordConsent, uploadFixture } from '../factories/media.factory';
import {
  approvedPost,
  as,
  createPost,
  hospital,
  Hospital,
  inHours,
  postAudit,
  submittedPost,
  xPost,
} from '../factories/posts.factory';
import { startTestApi, TestApi } from '../support/test-api';

const PHI_TEXT =
  'Get well soon Maria Lopez after her chemo! The whole oncology family is cheering for you';

describe('review: marketer, compliance officer and executive', () => {
  let api: TestApi;
  let h: Hospital;

  beforeAll(async () => {
    api = await startTestApi();
    h = await hospital(api.url);
  });
  afterAll(() => api.close());

  const notificationsOf = async (session: Hospital['marketer'], postId: string) =>
    (await as(api.url, session).get('/notifications').expect(200)).body
      .filter((n: { subjectId: string }) => n.subjectId === postId)
      .map((n: { kind: string }) => n.kind);

  it('takes a post from draft to scheduled: submit, queue, approve; notified and audited', async () => {
    const post = await createPost(api.url, h.marketer, xPost(h));
    const submitted = await as(api.url, h.marketer).post(`/posts/${post.id}/submit`).expect(200);
    expect(submitted.body).toMatchObject({
      status: 'in_review',
      findings: [],
      approval: { required: 1 },
    });
    expect(await notificationsOf(h.compliance, post.id)).toEqual(['post_submitted']);

    const queue = await as(api.url, h.compliance).get('/approvals/queue').expect(200);
    expect(queue.body).toEqual([
      expect.objectContaining({ id: post.id, mayApprove: true, blockingFindings: 0 }),
    ]);

    const approved = await as(api.url, h.compliance)
      .post(`/posts/${post.id}/approve`, { revisionId: post.revision.id, comment: 'Fine' })
      .expect(200);
    const hash = post.revision.contentHash;
    expect(approved.body).toMatchObject({
      status: 'scheduled',
      approvedRevisionId: post.revision.id,
      approval: { required: 1, approverIds: [h.compliance.userId] },
      publications: [{ channelId: h.channels.x, status: 'scheduled', approvedContentHash: hash }],
    });
    expect(await notificationsOf(h.marketer, post.id)).toEqual(['post_approved']);
    expect((await as(api.url, h.compliance).get('/approvals/queue').expect(200)).body).toEqual([]);

    const audit = await postAudit(api.url, h.admin, post.id);
    expect(audit.map((e) => [e.action, e.actorId])).toEqual([
      ['post.created', h.marketer.userId],
      ['post.submitted', h.marketer.userId],
      ['post.approved', h.compliance.userId],
      ['post.scheduled', h.compliance.userId],
    ]);
    expect(audit[0].data).toMatchObject({ revisionHashBefore: null, revisionHashAfter: hash });
    for (const event of audit.slice(1)) {
      expect(event.data).toMatchObject({ revisionHashBefore: hash, revisionHashAfter: hash });
    }
  });

  it('stops approval on a block finding until an officer overrides it with a justification', async () => {
    const post = await submittedPost(api.url, h, xPost(h, { text: PHI_TEXT }));
    const finding = post.findings.find((f) => f.kind === 'patient_name')!;
    expect(finding).toMatchObject({
      severity: 'block',
      field: 'x.text',
      text: 'Maria Lopez',
      id: expect.any(String),
    });

    const refused = await as(api.url, h.compliance)
      .post(`/posts/${post.id}/approve`, { revisionId: post.revision.id })
      .expect(422);
    expect(refused.body).toMatchObject({
      errors: [{ field: 'overrides' }],
      details: { findingIds: [finding.id] },
    });

    const terse = await as(api.url, h.compliance)
      .post(`/posts/${post.id}/approve`, {
        revisionId: post.revision.id,
        overrides: [{ findingId: finding.id, justification: 'ok' }],
      })
      .expect(400);
    expect(terse.body.errors[0].field).toBe('overrides[0].justification');

    const justification = 'Signed HIPAA authorization on file, form A-113';
    const approved = await as(api.url, h.compliance)
      .post(`/posts/${post.id}/approve`, {
        revisionId: post.revision.id,
        overrides: [{ findingId: finding.id, justification }],
      })
      .expect(200);
    expect(approved.body.status).toBe('scheduled');
    expect(approved.body.approvals[0].overrides).toEqual([
      { findingId: finding.id, justification },
    ]);
    const audit = await postAudit(api.url, h.admin, post.id);
    expect(audit).toContainEqual(
      expect.objectContaining({
        action: 'phi.finding_overridden',
        actorId: h.compliance.userId,
        data: expect.objectContaining({ findingId: finding.id, justification }),
      }),
    );
  });

  it('sends a post back with a required comment; the author revises and resubmits', async () => {
    const post = await submittedPost(api.url, h, xPost(h, { text: PHI_TEXT }));
    const noComment = await as(api.url, h.compliance)
      .post(`/posts/${post.id}/reject`, {})
      .expect(400);
    expect(noComment.body.errors[0].field).toBe('comment');
    const rejected = await as(api.url, h.compliance)
      .post(`/posts/${post.id}/reject`, { comment: 'Remove the patient’s name' })
      .expect(200);
    expect(rejected.body.status).toBe('changes_requested');
    expect(rejected.body.approvals).toEqual([
      expect.objectContaining({
        decision: 'reject',
        comment: 'Remove the patient’s name',
        approverId: h.compliance.userId,
      }),
    ]);
    expect(await notificationsOf(h.marketer, post.id)).toEqual(['post_rejected']);
    await as(api.url, h.marketer).post(`/posts/${post.id}/submit`).expect(409);

    const revised = await as(api.url, h.marketer)
      .patch(`/posts/${post.id}`, {
        text: 'Our 5 North team is cheering for every patient this week!',
      })
      .expect(200);
    expect(revised.body).toMatchObject({ status: 'draft', revision: { number: 2 } });
    const resubmitted = await as(api.url, h.marketer).post(`/posts/${post.id}/submit`).expect(200);
    expect(resubmitted.body).toMatchObject({ status: 'in_review', findings: [] });
    await as(api.url, h.compliance)
      .post(`/posts/${post.id}/approve`, { revisionId: resubmitted.body.revision.id })
      .expect(200);
  });

  it('routes a patient story to two distinct approvers and patient media with consent', async () => {
    const photo = (await uploadFixture(api.url, h.marketer, 'pixel.png', { showsPatient: 'true' }))
      .id;
    await recordConsent(api.url, h.marketer, photo);
    const post = await submittedPost(api.url, h, {
      ...xPost(h, { text: undefined }),
      x: {
        text: 'Three months after knee surgery, our patient is back on the court.',
        images: [{ mediaId: photo, altText: 'Sam on the court' }],
      },
      categories: ['patient_story'],
    });
    expect(post.approval).toMatchObject({ required: 2, categories: ['patient_story'] });

    const first = await as(api.url, h.compliance)
      .post(`/posts/${post.id}/approve`, { revisionId: post.revision.id })
      .expect(200);
    expect(first.body).toMatchObject({
      status: 'in_review',
      approval: { approverIds: [h.compliance.userId] },
    });
    await as(api.url, h.compliance)
      .post(`/posts/${post.id}/approve`, { revisionId: post.revision.id })
      .expect(409);
    const queue = await as(api.url, h.compliance).get('/approvals/queue').expect(200);
    expect(queue.body.find((e: { id: string }) => e.id === post.id).mayApprove).toBe(false);

    const second = await as(api.url, h.compliance2)
      .post(`/posts/${post.id}/approve`, { revisionId: post.revision.id })
      .expect(200);
    expect(second.body).toMatchObject({
      status: 'scheduled',
      approval: { approverIds: [h.compliance.userId, h.compliance2.userId] },
    });
  });

  it('detects a category from keyword hints, and a story without patient media needs an override', async () => {
    const post = await submittedPost(
      api.url,
      h,
      xPost(h, { text: 'Read her story: from our ICU to the finish line of the city marathon.' }),
    );
    expect(post.approval.categories).toEqual(['patient_story']);
    const consent = post.findings.find((f) => f.kind === 'consent_required')!;
    expect(consent).toMatchObject({ severity: 'block', source: 'policy', field: 'mediaIds' });
    const refused = await as(api.url, h.compliance)
      .post(`/posts/${post.id}/approve`, { revisionId: post.revision.id })
      .expect(422);
    expect(refused.body.details.findingIds).toEqual([consent.id]);
    const overrides = [
      { findingId: consent.id, justification: 'Written consent form C-2207 on file for the story' },
    ];
    await as(api.url, h.compliance)
      .post(`/posts/${post.id}/approve`, { revisionId: post.revision.id, overrides })
      .expect(200);
    const second = await as(api.url, h.compliance2)
      .post(`/posts/${post.id}/approve`, { revisionId: post.revision.id })
      .expect(200);
    expect(second.body.status).toBe('scheduled');
  });

  it('applies a per-platform policy the admin sets', async () => {
    await as(api.url, h.admin)
      .patch('/organization/settings', { approvalPolicy: { perPlatform: { youtube: 2 } } })
      .expect(200);
    const video = (await uploadFixture(api.url, h.marketer, 'clip.mp4')).id;
    const captions = (await uploadFixture(api.url, h.marketer, 'captions.vtt')).id;
    const post = await submittedPost(api.url, h, {
      channelIds: [h.channels.youtube],
      scheduledAt: inHours(40),
      youtube: {
        videoMediaId: video,
        captionMediaId: captions,
        title: 'Meet the lounge',
        madeForKids: false,
      },
    });
    expect(post.approval.required).toBe(2);
    expect(post.approval.categories).toEqual([]);
    await as(api.url, h.admin)
      .patch('/organization/settings', { approvalPolicy: { perPlatform: { youtube: null } } })
      .expect(200);
  });

  it('keeps the approval when an approved post is rescheduled', async () => {
    const post = await approvedPost(api.url, h);
    const moved = await as(api.url, h.marketer)
      .patch(`/posts/${post.id}`, { scheduledAt: inHours(72) })
      .expect(200);
    expect(moved.body).toMatchObject({
      status: 'scheduled',
      approvedRevisionId: post.revision.id,
      approval: { approverIds: [h.compliance.userId] },
      publications: [{ status: 'scheduled' }],
    });
    expect(
      moved.body.approvals.every((a: { voidedAt: string | null }) => a.voidedAt === null),
    ).toBe(true);
    const audit = await postAudit(api.url, h.admin, post.id);
    expect(audit.at(-1)).toMatchObject({
      action: 'post.rescheduled',
      data: { from: 'scheduled', to: 'scheduled' },
    });
  });

  it('expires a post still in review at its time; approved late, it waits for a new time', async () => {
    const post = await submittedPost(api.url, h);
    const maintenance = api.app.get(PostMaintenanceService);
    const afterItsTime = new Date(Date.parse(post.scheduledAt) + 60_000);
    expect(await maintenance.expireOverdue(afterItsTime)).toContain(post.id);
    expect(await maintenance.expireOverdue(afterItsTime)).not.toContain(post.id);
    expect(await notificationsOf(h.marketer, post.id)).toEqual(['post_expired']);

    const late = await as(api.url, h.compliance)
      .post(`/posts/${post.id}/approve`, { revisionId: post.revision.id })
      .expect(200);
    expect(late.body).toMatchObject({
      status: 'expired',
      approvedRevisionId: post.revision.id,
      publications: [],
    });
    await as(api.url, h.compliance)
      .post(`/posts/${post.id}/approve`, { revisionId: post.revision.id })
      .expect(409);

    const again = await as(api.url, h.marketer)
      .patch(`/posts/${post.id}`, { scheduledAt: inHours(6) })
      .expect(200);
    expect(again.body).toMatchObject({
      status: 'scheduled',
      publications: [{ status: 'scheduled' }],
    });
  });

  it('sends an expired post that was never approved back to review when it gets a new time', async () => {
    const post = await submittedPost(api.url, h);
    await api.app
      .get(PostMaintenanceService)
      .expireOverdue(new Date(Date.parse(post.scheduledAt) + 1));
    const again = await as(api.url, h.marketer)
      .patch(`/posts/${post.id}`, { scheduledAt: inHours(6) })
      .expect(200);
    expect(again.body.status).toBe('in_review');
  });

  it('cancels a scheduled post and its publications, once', async () => {
    const post = await approvedPost(api.url, h);
    const cancelled = await as(api.url, h.marketer)
      .post(`/posts/${post.id}/cancel`, { comment: 'Event moved' })
      .expect(200);
    expect(cancelled.body).toMatchObject({
      status: 'cancelled',
      publications: [{ status: 'cancelled' }],
    });
    await as(api.url, h.marketer).post(`/posts/${post.id}/cancel`).expect(409);
    await as(api.url, h.marketer).patch(`/posts/${post.id}`, { text: 'revive' }).expect(409);
  });

  it('lets an executive read the calendar and a post’s whole history, and nothing more', async () => {
    const post = await approvedPost(api.url, h);
    const calendar = await as(api.url, h.executive).get('/posts?status=scheduled').expect(200);
    expect(calendar.body.map((p: { id: string }) => p.id)).toContain(post.id);
    const detail = await as(api.url, h.executive).get(`/posts/${post.id}`).expect(200);
    expect(detail.body.approvals).toEqual([
      expect.objectContaining({ approverId: h.compliance.userId, decision: 'approve' }),
    ]);
    await as(api.url, h.executive).get('/approvals/queue').expect(403);
    await as(api.url, h.executive).post(`/posts/${post.id}/cancel`).expect(403);
    await as(api.url, h.executive).post('/organization/pause', { reason: 'no' }).expect(403);
  });
});
