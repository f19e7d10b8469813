import request from 'supertest';
import { addUser } from '../factories/identity.factory';
import { as, hospital, Hospital, submittedPost, xPost } from '../factories/posts.factory';
import { startTestApi, TestApi } from '../support/test-api';

describe('separation of duties', () => {
  let api: TestApi;
  let h: Hospital;
  beforeAll(async () => {
    api = await startTestApi({ SOD_COOLDOWN_HOURS: '24' });
    h = await hospital(api.url);
    // The hospital's officers were appointed long ago; only roles given in a test are fresh.
    await api.dataSource.query(`UPDATE users SET role_granted_at = now() - interval '30 days'`);
  });
  afterAll(() => api.close());

  it('needs the revision an approval is for: 400 without it, 409 when stale', async () => {
    const post = await submittedPost(api.url, h);
    const missing = await as(api.url, h.compliance).post(`/posts/${post.id}/approve`).expect(400);
    expect(missing.body.errors).toContainEqual(expect.objectContaining({ field: 'revisionId' }));

    await as(api.url, h.marketer)
      .patch(`/posts/${post.id}`, { text: 'Edited after review' })
      .expect(200);
    await as(api.url, h.marketer).post(`/posts/${post.id}/submit`).expect(200);
    const stale = await as(api.url, h.compliance)
      .post(`/posts/${post.id}/approve`, { revisionId: post.revision.id })
      .expect(409);
    expect(stale.body.errors[0].field).toBe('revisionId');
  });

  it("keeps an admin from promoting someone to approve the admin's own post at once", async () => {
    const post = await submittedPost(api.url, h, xPost(h));
    // The admin writes a post, and makes a fresh account a compliance officer.
    const own = await as(api.url, h.admin)
      .post('/posts', { ...xPost(h) })
      .expect(201);
    await as(api.url, h.admin).post(`/posts/${own.body.id}/submit`).expect(200);
    const puppet = await addUser(api.url, h.admin, 'marketer');
    await as(api.url, h.admin).patch(`/users/${puppet.userId}`, { role: 'compliance' }).expect(200);

    const refused = await as(api.url, puppet)
      .post(`/posts/${own.body.id}/approve`, { revisionId: own.body.revision.id })
      .expect(403);
    expect(refused.body.message).toMatch(/less than 24 hours/);
    // Content the granter did not write is fine; so is the same post a day later.
    await as(api.url, puppet)
      .post(`/posts/${post.id}/approve`, { revisionId: post.revision.id })
      .expect(200);
    await api.dataSource.query(
      `UPDATE users SET role_granted_at = now() - interval '25 hours' WHERE id = $1`,
      [puppet.userId],
    );
    await as(api.url, puppet)
      .post(`/posts/${own.body.id}/approve`, { revisionId: own.body.revision.id })
      .expect(200);
  });

  it('has a reply template approved by a compliance officer who did not write it', async () => {
    const template = await as(api.url, h.compliance)
      .post('/reply-templates', { name: 'Hours', text: 'Our clinic opens at 8am on weekdays.' })
      .expect(201);
    await as(api.url, h.compliance)
      .post(`/reply-templates/${template.body.id}/approve`)
      .expect(403);
    await as(api.url, h.marketer).post(`/reply-templates/${template.body.id}/approve`).expect(403);
    await as(api.url, h.compliance2)
      .post(`/reply-templates/${template.body.id}/approve`)
      .expect(200);
    await as(api.url, h.compliance2)
      .post(`/reply-templates/${template.body.id}/approve`)
      .expect(409);
    const audit = await request(api.url)
      .get(`/api/v1/audit?subjectType=reply_template&subjectId=${template.body.id}`)
      .auth(h.admin.accessToken, { type: 'bearer' })
      .expect(200);
    expect(audit.body.map((e: { action: string }) => e.action)).toContain(
      'reply_template.approved',
    );
  });
});
