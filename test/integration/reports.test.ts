import {
  approvedPost,
  as,
  hospital,
  Hospital,
  submittedPost,
  xPost,
} from '../factories/posts.factory';
import { startTestApi, TestApi } from '../support/test-api';

describe('the compliance panel', () => {
  let api: TestApi;
  let h: Hospital;

  beforeAll(async () => {
    api = await startTestApi();
    h = await hospital(api.url);
    // Approved as written.
    await approvedPost(api.url, h);
    // Sent back: it names a patient and a record number.
    const named = await submittedPost(
      api.url,
      h,
      xPost(h, {
        text: 'Congratulations to Maria Lopez, discharged today after her heart surgery! MRN 4829173',
      }),
    );
    await as(api.url, h.compliance)
      .post(`/posts/${named.id}/reject`, { comment: 'Remove her name and the MRN.' })
      .expect(200);
    // Approved over two findings, each with a justification.
    const overridden = await submittedPost(
      api.url,
      h,
      xPost(h, { text: 'Our patient John Smith (DOB 04/12/1961) recovered well.' }),
    );
    await as(api.url, h.compliance)
      .post(`/posts/${overridden.id}/approve`, {
        revisionId: overridden.revision.id,
        overrides: overridden.findings
          .filter((f) => f.severity === 'block')
          .map((f) => ({
            findingId: f.id,
            justification: 'Signed HIPAA authorization on file, form 2026-17.',
          })),
      })
      .expect(200);
    await as(api.url, h.admin).post('/organization/pause', { reason: 'Storm drill' }).expect(200);
    await as(api.url, h.admin).post('/organization/resume', { reason: 'Drill over' }).expect(200);
  });
  afterAll(() => api.close());

  it('shows review speed, rejections by reason, PHI caught, overrides and pauses, with formulas', async () => {
    const { body } = await as(api.url, h.executive).get('/reports/compliance').expect(200);
    expect(body.approvalCycleTime).toMatchObject({
      approvals: 2,
      formula: expect.stringContaining('median'),
    });
    expect(body.approvalCycleTime.medianHours).toBeGreaterThanOrEqual(0);
    expect(body.approvalCycleTime.p90Hours).toBeLessThan(1);
    expect(body.rejections).toMatchObject({
      total: 1,
      byReason: [
        { reason: 'patient_name', count: 1 },
        { reason: 'record_number', count: 1 },
      ],
    });
    // Both names, the MRN and the date of birth block; "discharged", "heart surgery" and
    // "recovered" beside a named patient are care mentions (warnings).
    expect(body.phiFindings).toMatchObject({
      total: 7,
      byKind: expect.arrayContaining([
        { kind: 'care_mention', count: 3 },
        { kind: 'patient_name', count: 2 },
        { kind: 'record_number', count: 1 },
        { kind: 'date_of_birth', count: 1 },
      ]),
    });
    expect(body.overrides).toMatchObject({
      total: 2,
      byKind: expect.arrayContaining([
        { kind: 'patient_name', count: 1 },
        { kind: 'date_of_birth', count: 1 },
      ]),
    });
    expect(body.pauses).toMatchObject({
      total: 1,
      list: [expect.objectContaining({ reason: 'Storm drill', resumedAt: expect.any(String) })],
    });
    for (const section of [
      'approvalCycleTime',
      'rejections',
      'phiFindings',
      'overrides',
      'pauses',
    ]) {
      expect(body[section].formula).toEqual(expect.any(String));
    }
  });

  it('downloads as CSV', async () => {
    const csv = await as(api.url, h.compliance)
      .get('/reports/compliance')
      .set('accept', 'text/csv')
      .expect(200);
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="compliance-/);
    const lines = csv.text.split('\r\n');
    expect(lines[0]).toBe('section,key,value,formula');
    expect(lines).toContainEqual(expect.stringMatching(/^overrides,total,2,/));
    expect(lines).toContainEqual(expect.stringMatching(/^rejections,patient_name,1,/));
  });

  it('counts only the period asked for, in the organization time zone', async () => {
    const { body } = await as(api.url, h.executive)
      .get('/reports/compliance?from=2020-01-01&to=2020-01-31')
      .expect(200);
    expect(body.period).toEqual({ from: '2020-01-01', to: '2020-01-31', days: 31 });
    expect(body.phiFindings.total).toBe(0);
    expect(body.approvalCycleTime).toMatchObject({ approvals: 0, medianHours: null });
    const bad = await as(api.url, h.executive).get('/reports/compliance?from=soon').expect(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'from' })]);
  });
});
