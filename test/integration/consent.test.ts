import { rm } from 'node:fs/promises';
import request from 'supertest';
import { ConsentService, DomainError } from '@rounds/domain';
import { addUser, Session, signupOrganization } from '../factories/identity.factory';
import { recordConsent, uploadFixture } from '../factories/media.factory';
import { startTestApi, TestApi } from '../support/test-api';

const DAY = 24 * 3600 * 1000;
const daysFromNow = (days: number) => new Date(Date.now() + days * DAY);

describe('consent records', () => {
  let api: TestApi;
  let consents: ConsentService;
  let admin: Session;
  let marketer: Session;
  let compliance: Session;
  let executive: Session;
  let orgId: string;
  const as = (session: Session) => ({
    get: (path: string) =>
      request(api.url).get(`/api/v1${path}`).auth(session.accessToken, { type: 'bearer' }),
    post: (path: string, body: object = {}) =>
      request(api.url)
        .post(`/api/v1${path}`)
        .auth(session.accessToken, { type: 'bearer' })
        .send(body),
    patch: (path: string, body: object) =>
      request(api.url)
        .patch(`/api/v1${path}`)
        .auth(session.accessToken, { type: 'bearer' })
        .send(body),
  });
  /** What the posts engineer's approval calls: resolves, or the refusal's field and media. */
  const approvalCheck = (mediaIds: string[], at = new Date()) =>
    consents.assertConsented(api.dataSource.manager, orgId, mediaIds, at).then(
      () => 'consented',
      (e: DomainError) => ({ code: e.code, field: e.field, mediaIds: e.details?.mediaIds }),
    );
  const patientPhoto = () =>
    uploadFixture(api.url, marketer, 'pixel.png', { showsPatient: 'true' });

  beforeAll(async () => {
    api = await startTestApi();
    consents = api.app.get(ConsentService);
    const org = await signupOrganization(api.url);
    orgId = org.id;
    admin = org.admin;
    marketer = await addUser(api.url, admin, 'marketer');
    compliance = await addUser(api.url, admin, 'compliance');
    executive = await addUser(api.url, admin, 'executive');
  });
  afterAll(async () => {
    await api.close();
    await rm(api.env.MEDIA_DIR, { recursive: true, force: true });
  });

  it('blocks approval of patient media until a consent is recorded, then lets it through', async () => {
    const photo = await patientPhoto();
    const plain = await uploadFixture(api.url, marketer, 'gray.jpg');
    expect(photo).toMatchObject({ showsPatient: true, consentStatus: 'missing' });
    await expect(approvalCheck([photo.id, plain.id])).resolves.toEqual({
      code: 'precondition_failed',
      field: 'mediaIds',
      mediaIds: [photo.id],
    });

    const consent = await as(marketer)
      .post(`/media/${photo.id}/consents`, {
        personName: 'Jordan Reyes',
        formId: 'REL-2024-0193',
        signedAt: daysFromNow(-1).toISOString(),
        expiresAt: daysFromNow(365).toISOString(),
      })
      .expect(201);
    expect(consent.body).toMatchObject({
      mediaId: photo.id,
      personName: 'Jordan Reyes',
      formId: 'REL-2024-0193',
      status: 'valid',
      revokedAt: null,
      recordedById: marketer.userId,
    });
    await expect(approvalCheck([photo.id, plain.id])).resolves.toBe('consented');
    const media = await as(executive).get(`/media/${photo.id}`).expect(200);
    expect(media.body.consentStatus).toBe('valid');
  });

  it('lets compliance revoke; the media then blocks approval and is reported as lapsed', async () => {
    const photo = await patientPhoto();
    const consent = await recordConsent(api.url, marketer, photo.id);
    const revoked = await as(compliance)
      .post(`/consents/${consent.id}/revoke`, { reason: 'withdrawn by phone' })
      .expect(200);
    expect(revoked.body).toMatchObject({
      status: 'revoked',
      revokedById: compliance.userId,
      revocationReason: 'withdrawn by phone',
    });
    expect(revoked.body.revokedAt).toEqual(expect.any(String));
    await as(compliance).post(`/consents/${consent.id}/revoke`).expect(409);

    await expect(approvalCheck([photo.id])).resolves.toMatchObject({ mediaIds: [photo.id] });
    await expect(consents.mediaWithLapsedConsent(orgId, new Date())).resolves.toContain(photo.id);
    await expect(consents.mediaWithLapsedConsent(undefined, new Date())).resolves.toContain(
      photo.id,
    );
    const media = await as(marketer).get(`/media/${photo.id}`).expect(200);
    expect(media.body.consentStatus).toBe('lapsed');
  });

  it('judges expiry at the given instant: valid before it, lapsed after', async () => {
    const photo = await patientPhoto();
    const consent = await recordConsent(api.url, marketer, photo.id, {
      signedAt: daysFromNow(-10).toISOString(),
      expiresAt: daysFromNow(-2).toISOString(),
    });
    expect(consent.status).toBe('expired');
    await expect(approvalCheck([photo.id], daysFromNow(-5))).resolves.toBe('consented');
    await expect(approvalCheck([photo.id])).resolves.toMatchObject({ field: 'mediaIds' });
    await expect(consents.mediaWithLapsedConsent(orgId, daysFromNow(-5))).resolves.not.toContain(
      photo.id,
    );
    await expect(consents.mediaWithLapsedConsent(orgId, new Date())).resolves.toContain(photo.id);
    const other = await signupOrganization(api.url);
    await expect(consents.mediaWithLapsedConsent(other.id, new Date())).resolves.not.toContain(
      photo.id,
    );
  });

  it('lists a media consents newest first, to marketers and compliance, not executives', async () => {
    const photo = await patientPhoto();
    const older = await recordConsent(api.url, marketer, photo.id, {
      signedAt: daysFromNow(-30).toISOString(),
    });
    const newer = await recordConsent(api.url, admin, photo.id, { personName: 'Sam Ortiz' });
    const listed = await as(compliance).get(`/media/${photo.id}/consents`).expect(200);
    expect(listed.body.map((c: { id: string }) => c.id)).toEqual([newer.id, older.id]);
    await as(executive).get(`/media/${photo.id}/consents`).expect(403);
    await as(executive).post(`/media/${photo.id}/consents`, {}).expect(403);
    await as(compliance).post(`/media/${photo.id}/consents`, {}).expect(403);
  });

  it('names each bad field of a consent', async () => {
    const photo = await patientPhoto();
    const future = await as(marketer)
      .post(`/media/${photo.id}/consents`, {
        personName: 'Jordan Reyes',
        formId: 'REL-1',
        signedAt: daysFromNow(1).toISOString(),
      })
      .expect(400);
    expect(future.body.errors).toEqual([
      expect.objectContaining({ field: 'signedAt', message: 'signedAt must not be in the future' }),
    ]);
    const backwards = await as(marketer)
      .post(`/media/${photo.id}/consents`, {
        personName: 'Jordan Reyes',
        formId: 'REL-1',
        signedAt: daysFromNow(-1).toISOString(),
        expiresAt: daysFromNow(-2).toISOString(),
      })
      .expect(400);
    expect(backwards.body.errors).toEqual([expect.objectContaining({ field: 'expiresAt' })]);
    const blank = await as(marketer)
      .post(`/media/${photo.id}/consents`, { personName: '', signedAt: 'yesterday' })
      .expect(400);
    const fields = blank.body.errors.map((e: { field: string }) => e.field).sort();
    expect([...new Set(fields)]).toEqual(['formId', 'personName', 'signedAt']);
    const listed = await as(marketer).get(`/media/${photo.id}/consents`).expect(200);
    expect(listed.body).toEqual([]);
  });

  it('lets anyone mark media as showing a patient, and only compliance clear the mark', async () => {
    const photo = await uploadFixture(api.url, marketer, 'pixel.png');
    const marked = await as(marketer)
      .patch(`/media/${photo.id}`, { showsPatient: true })
      .expect(200);
    expect(marked.body).toMatchObject({ showsPatient: true, consentStatus: 'missing' });
    const refused = await as(marketer)
      .patch(`/media/${photo.id}`, { showsPatient: false })
      .expect(403);
    expect(refused.body.message).toContain('compliance officer');
    await as(compliance).patch(`/media/${photo.id}`, { showsPatient: false }).expect(200);
    await as(marketer).patch(`/media/${photo.id}`, { showsPatient: 'no' }).expect(400);
    const media = await as(marketer).get(`/media/${photo.id}`).expect(200);
    expect(media.body).toMatchObject({ showsPatient: false, consentStatus: 'not_required' });
  });

  it('audits recording, revoking and marking, without the person name', async () => {
    const photo = await uploadFixture(api.url, marketer, 'pixel.png');
    await as(marketer).patch(`/media/${photo.id}`, { showsPatient: true }).expect(200);
    const consent = await recordConsent(api.url, marketer, photo.id, { formId: 'REL-77' });
    await as(compliance).post(`/consents/${consent.id}/revoke`).expect(200);
    const events = await as(admin).get('/audit?limit=20').expect(200);
    const mine = events.body.filter(
      (e: { subjectId: string }) => e.subjectId === photo.id || e.subjectId === consent.id,
    );
    expect(mine.map((e: { action: string }) => e.action).sort()).toEqual([
      'consent.recorded',
      'consent.revoked',
      'media.updated',
      'media.uploaded',
    ]);
    expect(mine).toContainEqual(
      expect.objectContaining({
        action: 'consent.recorded',
        actorId: marketer.userId,
        data: expect.objectContaining({ mediaId: photo.id, formId: 'REL-77' }),
      }),
    );
    expect(JSON.stringify(mine)).not.toContain('Jordan Reyes');
    const verify = await as(admin).get('/audit/verify').expect(200);
    expect(verify.body.valid).toBe(true);
  });

  it("answers 404 for another organization's media and consents", async () => {
    const photo = await patientPhoto();
    const consent = await recordConsent(api.url, marketer, photo.id);
    const other = await signupOrganization(api.url);
    await as(other.admin).get(`/media/${photo.id}/consents`).expect(404);
    await as(other.admin)
      .post(`/media/${photo.id}/consents`, {
        personName: 'X',
        formId: 'Y',
        signedAt: daysFromNow(-1).toISOString(),
      })
      .expect(404);
    await as(other.admin).post(`/consents/${consent.id}/revoke`).expect(404);
    await as(other.admin).patch(`/media/${photo.id}`, { showsPatient: false }).expect(404);
    const still = await as(marketer).get(`/media/${photo.id}/consents`).expect(200);
    expect(still.body).toEqual([expect.objectContaining({ id: consent.id, status: 'valid' })]);
  });
});
