import { addUser } from '../factories/identity.factory';
import { recordConsent, uploadFixture } from '../factories/media.factory';
import {
  approvedPost,
  as,
  createPost,
  hospital,
  Hospital,
  inHours,
  PostBody,
  postAudit,
  submittedPost,
  xPost,
} from '../factories/posts.factory';
import { startTestApi, TestApi } from '../support/test-api';

const HOUR = 3600_000;

describe('every way around the review fails', () => {
  let api: TestApi;
  let h: Hospital;

  beforeAll(async () => {
    api = await startTestApi();
    h = await hospital(api.url);
  });
  afterAll(() => api.close());

  const read = async (id: string): Promise<PostBody> =>
    (await as(api.url, h.admin).get(`/posts/${id}`).expect(200)).body;

  it('refuses approval by the author, even after they become a compliance officer', async () => {
    const author = await addUser(api.url, h.admin, 'marketer');
    const post = await createPost(api.url, author, xPost(h));
    await as(api.url, author).post(`/posts/${post.id}/submit`).expect(200);
    await as(api.url, h.admin).patch(`/users/${author.userId}`, { role: 'compliance' }).expect(200);

    const response = await as(api.url, author)
      .post(`/posts/${post.id}/approve`, { revisionId: post.revision.id })
      .expect(403);
    expect(response.body.message).toMatch(/authored or last edited/);
    expect(await read(post.id)).toMatchObject({ status: 'in_review', approvals: [] });
  });

  it('refuses approval by the last editor of the revision', async () => {
    const editor = await addUser(api.url, h.admin, 'marketer');
    const post = await createPost(api.url, h.marketer, xPost(h));
    const edited = await as(api.url, editor)
      .patch(`/posts/${post.id}`, { text: 'Flu shots all weekend!' })
      .expect(200);
    await as(api.url, h.marketer).post(`/posts/${post.id}/submit`).expect(200);
    await as(api.url, h.admin).patch(`/users/${editor.userId}`, { role: 'compliance' }).expect(200);
    await as(api.url, editor)
      .post(`/posts/${post.id}/approve`, { revisionId: edited.body.revision.id })
      .expect(403);
    await as(api.url, h.compliance)
      .post(`/posts/${post.id}/approve`, { revisionId: edited.body.revision.id })
      .expect(200);
  });

  it.each(['marketer', 'executive', 'admin'] as const)('refuses approval by a %s', async (role) => {
    const post = await submittedPost(api.url, h);
    await as(api.url, h[role])
      .post(`/posts/${post.id}/approve`, { revisionId: post.revision.id })
      .expect(403);
    await as(api.url, h[role]).post(`/posts/${post.id}/reject`, { comment: 'no' }).expect(403);
    expect(await read(post.id)).toMatchObject({ status: 'in_review', approvals: [] });
  });

  it('does not let an old approval publish edited content', async () => {
    const post = await approvedPost(api.url, h);
    const edited = await as(api.url, h.marketer)
      .patch(`/posts/${post.id}`, {
        text: 'Flu shots are free this Saturday. Bring the whole family!',
      })
      .expect(200);
    expect(edited.body).toMatchObject({
      status: 'draft',
      approvedRevisionId: null,
      approval: { approverIds: [] },
      publications: [{ status: 'cancelled', approvedContentHash: post.revision.contentHash }],
      approvals: [{ approverId: h.compliance.userId, voidedAt: expect.any(String) }],
    });
    expect(edited.body.revision.contentHash).not.toBe(post.revision.contentHash);

    const resubmitted = await as(api.url, h.marketer).post(`/posts/${post.id}/submit`).expect(200);
    expect(resubmitted.body).toMatchObject({
      status: 'in_review',
      approval: { required: 1, approverIds: [] },
    });
    const audit = await postAudit(api.url, h.admin, post.id);
    expect(audit.find((e) => e.action === 'post.revised')?.data).toMatchObject({
      revisionHashBefore: post.revision.contentHash,
      revisionHashAfter: edited.body.revision.contentHash,
      from: 'scheduled',
      to: 'draft',
      approvalsVoided: 1,
    });
  });

  it('resolves an edit racing an approval consistently, and audits what happened', async () => {
    for (let round = 0; round < 6; round += 1) {
      const post = await submittedPost(api.url, h);
      const [edit, approve] = await Promise.all([
        as(api.url, h.marketer).patch(`/posts/${post.id}`, { text: `Flu shots, round ${round}!` }),
        as(api.url, h.compliance).post(`/posts/${post.id}/approve`, {
          revisionId: post.revision.id,
        }),
      ]);
      expect(edit.status).toBe(200);
      expect([200, 409]).toContain(approve.status);

      const final = await read(post.id);
      expect(final).toMatchObject({
        status: 'draft',
        approvedRevisionId: null,
        approval: { approverIds: [] },
      });
      expect(final.publications.filter((p) => p.status !== 'cancelled')).toEqual([]);
      const approvals = final.approvals.filter((a) => a.decision === 'approve');
      const actions = (await postAudit(api.url, h.admin, post.id)).map((e) => e.action);
      if (approve.status === 200) {
        expect(approvals).toEqual([
          expect.objectContaining({ revisionId: post.revision.id, voidedAt: expect.any(String) }),
        ]);
        expect(actions).toEqual([
          'post.created',
          'post.submitted',
          'post.approved',
          'post.scheduled',
          'post.revised',
        ]);
      } else {
        expect(approvals).toEqual([]);
        expect(actions).toEqual(['post.created', 'post.submitted', 'post.revised']);
      }
    }
  });

  it('refuses an approval of a revision the officer did not see', async () => {
    const post = await submittedPost(api.url, h);
    const stale = '00000000-0000-4000-8000-00000000abcd';
    const response = await as(api.url, h.compliance)
      .post(`/posts/${post.id}/approve`, { revisionId: stale })
      .expect(409);
    expect(response.body.errors[0].field).toBe('revisionId');
    await as(api.url, h.compliance)
      .post(`/posts/${post.id}/approve`, { revisionId: post.revision.id })
      .expect(200);
  });

  it('refuses approval while the organization is paused', async () => {
    const post = await submittedPost(api.url, h);
    await as(api.url, h.admin)
      .post('/organization/pause', { reason: 'Incident on campus' })
      .expect(200);
    try {
      const response = await as(api.url, h.compliance)
        .post(`/posts/${post.id}/approve`, { revisionId: post.revision.id })
        .expect(409);
      expect(response.body.message).toMatch(/paused \(Incident on campus\)/);
      expect(await read(post.id)).toMatchObject({ status: 'in_review', approvals: [] });
    } finally {
      await as(api.url, h.admin).post('/organization/resume', { reason: 'All clear' }).expect(200);
    }
    await as(api.url, h.compliance)
      .post(`/posts/${post.id}/approve`, { revisionId: post.revision.id })
      .expect(200);
  });

  it('refuses overrides that name no finding of the post, and leaves a block finding unresolved', async () => {
    const other = await submittedPost(
      api.url,
      h,
      xPost(h, { text: 'Happy 95th birthday to our patient Ruth!' }),
    );
    const post = await submittedPost(
      api.url,
      h,
      xPost(h, { text: 'Send cards to patient Tom Reed, MRN 4471923, room 512.' }),
    );
    const justification = 'The family asked us to share this news';
    const foreign = await as(api.url, h.compliance)
      .post(`/posts/${post.id}/approve`, {
        revisionId: post.revision.id,
        overrides: [{ findingId: other.findings[0].id, justification }],
      })
      .expect(400);
    expect(foreign.body.errors[0].field).toBe('overrides[0].findingId');

    const [first, ...rest] = post.findings.filter((f) => f.severity === 'block');
    expect(rest.length).toBeGreaterThan(0);
    const partial = await as(api.url, h.compliance)
      .post(`/posts/${post.id}/approve`, {
        revisionId: post.revision.id,
        overrides: [{ findingId: first.id, justification }],
      })
      .expect(422);
    expect(partial.body.details.findingIds).toEqual(rest.map((f) => f.id));
    expect(await read(post.id)).toMatchObject({ status: 'in_review', approvals: [] });
  });

  describe('patient media without valid consent', () => {
    const patientPost = async (consent?: Record<string, unknown>) => {
      const photo = (
        await uploadFixture(api.url, h.marketer, 'pixel.png', { showsPatient: 'true' })
      ).id;
      if (consent) await recordConsent(api.url, h.marketer, photo, consent);
      return submittedPost(api.url, h, {
        ...xPost(h, { text: undefined }),
        x: {
          text: 'Our new rehab gym is open.',
          images: [{ mediaId: photo, altText: 'The rehab gym' }],
        },
      });
    };
    const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
    const ahead = (ms: number) => new Date(Date.now() + ms).toISOString();

    it.each([
      ['no consent at all', undefined],
      ['an expired consent', { signedAt: ago(48 * HOUR), expiresAt: ago(HOUR) }],
      [
        'a consent that expires before the post goes out',
        { signedAt: ago(HOUR), expiresAt: ahead(2 * HOUR) },
      ],
    ])('refuses approval with %s', async (_, consent) => {
      const post = await patientPost(consent);
      const response = await as(api.url, h.compliance)
        .post(`/posts/${post.id}/approve`, { revisionId: post.revision.id })
        .expect(422);
      expect(response.body.errors).toEqual([expect.objectContaining({ field: 'mediaIds' })]);
      expect(await read(post.id)).toMatchObject({ status: 'in_review', approvals: [] });
    });

    it('approves once the consent is valid through the post’s time', async () => {
      const post = await patientPost({ signedAt: ago(HOUR), expiresAt: ahead(90 * 24 * HOUR) });
      await as(api.url, h.compliance)
        .post(`/posts/${post.id}/approve`, { revisionId: post.revision.id })
        .expect(200);
    });

    it('refuses to move an approved post past its consent’s expiry', async () => {
      const post = await patientPost({ signedAt: ago(HOUR), expiresAt: ahead(48 * HOUR) });
      await as(api.url, h.compliance)
        .post(`/posts/${post.id}/approve`, { revisionId: post.revision.id })
        .expect(200);
      const moved = await as(api.url, h.marketer)
        .patch(`/posts/${post.id}`, { scheduledAt: inHours(72) })
        .expect(422);
      expect(moved.body.errors[0].field).toBe('mediaIds');
    });
  });

  it("answers 404 for another organization's post on every route", async () => {
    const other = await hospital(api.url);
    const post = await approvedPost(api.url, h);
    const them = as(api.url, other.admin);
    const reviewer = as(api.url, other.compliance);
    const attempts = [
      them.get(`/posts/${post.id}`),
      them.patch(`/posts/${post.id}`, { text: 'mine' }),
      them.patch(`/posts/${post.id}`, { scheduledAt: inHours(5) }),
      them.post(`/posts/${post.id}/submit`),
      them.post(`/posts/${post.id}/cancel`),
      them.post(`/posts/${post.id}/release`),
      reviewer.post(`/posts/${post.id}/approve`, { revisionId: post.revision.id }),
      reviewer.post(`/posts/${post.id}/reject`, { comment: 'no' }),
    ];
    for (const response of await Promise.all(attempts)) expect(response.status).toBe(404);
    const calendar = await them.get('/posts').expect(200);
    expect(calendar.body).toEqual([]);
    expect((await reviewer.get('/approvals/queue').expect(200)).body).toEqual([]);
    expect(await read(post.id)).toMatchObject({ status: 'scheduled', revisions: [{ number: 1 }] });
  });
});
