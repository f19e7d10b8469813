import { uploadFixture } from '../factories/media.factory';
import {
  as,
  hospital,
  Hospital,
  postAudit,
  submittedPost,
  xPost,
} from '../factories/posts.factory';
import { startTestApi, TestApi } from '../support/test-api';

const EVENT_EMAIL =
  'Questions about the 5K? Email events.mercy@gmail.com or call 937-555-2231 anytime.';
const STAFF_THANKS = 'Thank you Kayla Brooks for 30 years of caring for patients in our ICU!';

describe('compliance: the scanner, the allow list and the policy settings', () => {
  let api: TestApi;
  let h: Hospital;

  beforeAll(async () => {
    api = await startTestApi();
    h = await hospital(api.url);
  });
  afterAll(() => api.close());

  const scan = async (text: string, session = h.marketer) =>
    (await as(api.url, session).post('/compliance/scan', { text }).expect(200)).body.findings as {
      kind: string;
      severity: string;
      start: number;
      end: number;
      text: string;
      reason: string;
    }[];

  it('reports each finding with kind, severity, span, text and reason', async () => {
    const text = 'Send cards to patient Tom Reed, MRN 4471923, room 512.';
    const findings = await scan(text);
    expect(findings.map((f) => [f.kind, f.severity]).sort()).toEqual([
      ['care_mention', 'warn'], // "room 512" is also care of the named patient
      ['patient_name', 'block'],
      ['record_number', 'block'],
      ['room_location', 'block'],
    ]);
    for (const f of findings) {
      expect(f).toMatchObject({ reason: expect.any(String) });
      expect(text.slice(f.start, f.end)).toBe(f.text);
    }
    expect(await scan('Flu shots are free this Saturday at our main campus.')).toEqual([]);
  });

  it('lets writers and reviewers scan, not executives, and names a missing text', async () => {
    await as(api.url, h.compliance).post('/compliance/scan', { text: 'hello' }).expect(200);
    await as(api.url, h.admin).post('/compliance/scan', { text: 'hello' }).expect(200);
    await as(api.url, h.executive).post('/compliance/scan', { text: 'hello' }).expect(403);
    const response = await as(api.url, h.marketer).post('/compliance/scan', {}).expect(400);
    expect(response.body.errors[0].field).toBe('text');
  });

  it("does not flag the organization's own contact points once the admin lists them", async () => {
    expect((await scan(EVENT_EMAIL)).map((f) => f.kind)).toEqual(['email']);
    await as(api.url, h.marketer)
      .patch('/organization/settings', { allowList: { emails: ['x@y.z'] } })
      .expect(403);
    const saved = await as(api.url, h.admin)
      .patch('/organization/settings', {
        allowList: { emails: ['events.mercy@gmail.com'], phones: ['937-555-2231'] },
      })
      .expect(200);
    expect(saved.body.allowList).toMatchObject({ emails: ['events.mercy@gmail.com'], domains: [] });
    expect(await scan(EVENT_EMAIL)).toEqual([]);
    await as(api.url, h.admin)
      .patch('/organization/settings', { allowList: { emails: [], phones: [] } })
      .expect(200);
  });

  it('knows its staff: Rounds users and the names the admin lists', async () => {
    const blocking = async (text: string) =>
      (await scan(text)).filter((f) => f.severity === 'block');
    // Unknown, the name reads as a patient's, and "our ICU" as where that patient lies.
    expect((await blocking(STAFF_THANKS)).map((f) => f.kind)).toEqual([
      'patient_name',
      'room_location',
    ]);
    await as(api.url, h.admin)
      .post('/users')
      .send({ email: `kayla-${Date.now()}@hospital.test`, name: 'Kayla Brooks', role: 'marketer' })
      .expect(201);
    expect(await scan(STAFF_THANKS)).toEqual([]);

    const physician = 'Omar Haddad helped a young mom through her chemo this spring.';
    expect((await blocking(physician)).map((f) => f.text)).toEqual(['Omar Haddad']);
    await as(api.url, h.admin)
      .patch('/organization/settings', { allowList: { staffNames: ['Omar Haddad'] } })
      .expect(200);
    expect(await scan(physician)).toEqual([]);
  });

  it('scans again at approval: a finding the allow list now covers no longer blocks', async () => {
    const post = await submittedPost(api.url, h, xPost(h, { text: EVENT_EMAIL }));
    expect(post.findings.map((f) => [f.kind, f.severity])).toEqual([['email', 'block']]);
    await as(api.url, h.admin)
      .patch('/organization/settings', { allowList: { emails: ['events.mercy@gmail.com'] } })
      .expect(200);
    const approved = await as(api.url, h.compliance)
      .post(`/posts/${post.id}/approve`, { revisionId: post.revision.id })
      .expect(200);
    expect(approved.body).toMatchObject({ status: 'scheduled', findings: [] });
  });

  it('makes accessibility findings block when the organization chooses', async () => {
    await as(api.url, h.admin)
      .patch('/organization/settings', { accessibilitySeverity: 'block' })
      .expect(200);
    try {
      const image = (await uploadFixture(api.url, h.marketer, 'pixel.png')).id;
      const post = await submittedPost(api.url, h, xPost(h, { mediaIds: [image] }));
      const missing = post.findings.find((f) => f.kind === 'missing_alt_text')!;
      expect(missing).toMatchObject({ severity: 'block', source: 'accessibility' });
      await as(api.url, h.compliance)
        .post(`/posts/${post.id}/approve`, { revisionId: post.revision.id })
        .expect(422);
    } finally {
      await as(api.url, h.admin)
        .patch('/organization/settings', { accessibilitySeverity: 'warn' })
        .expect(200);
    }
  });

  it('validates and audits settings changes', async () => {
    const bad = await as(api.url, h.admin)
      .patch('/organization/settings', {
        timeZone: 'Mars/Olympus',
        approvalPolicy: { requiredApprovers: 0, routing: { gossip: { approvers: 2 } } },
      })
      .expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'approvalPolicy.requiredApprovers',
      'approvalPolicy.routing.gossip',
      'timeZone',
    ]);
    const saved = await as(api.url, h.admin)
      .patch('/organization/settings', {
        approvalPolicy: { routing: { crisis: { approvers: 3 } } },
      })
      .expect(200);
    expect(saved.body.approvalPolicy.routing).toMatchObject({
      crisis: { approvers: 3, requireConsent: false },
      patient_story: { approvers: 2, requireConsent: true },
    });
    const read = await as(api.url, h.executive).get('/organization/settings').expect(200);
    expect(read.body.approvalPolicy.routing.crisis.approvers).toBe(3);
    const audit = await as(api.url, h.admin).get('/audit?subjectType=organization').expect(200);
    const change = audit.body.find(
      (e: { action: string }) => e.action === 'organization.settings_changed',
    );
    expect(change.data).toMatchObject({
      changed: ['approvalPolicy'],
      before: { approvalPolicy: { routing: { crisis: { approvers: 2 } } } },
      after: { approvalPolicy: { routing: { crisis: { approvers: 3 } } } },
    });
    // The crisis routing now asks three approvers of a lockdown notice.
    const crisis = await submittedPost(
      api.url,
      h,
      xPost(h, { text: 'Our main campus is on lockdown. Avoid the area.' }),
    );
    expect(crisis.approval).toMatchObject({ required: 3, categories: ['crisis'] });
    expect(await postAudit(api.url, h.admin, crisis.id)).toHaveLength(2);
  });
});
