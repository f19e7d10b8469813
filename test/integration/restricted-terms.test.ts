import { as, hospital, Hospital, submittedPost, xPost } from '../factories/posts.factory';
import { startTestApi, TestApi } from '../support/test-api';

interface Finding {
  id?: string;
  kind: string;
  severity: string;
  text: string;
}

describe('restricted terms: kept by admins and compliance, flagged like PHI', () => {
  let api: TestApi;
  let h: Hospital;

  beforeAll(async () => {
    api = await startTestApi();
    h = await hospital(api.url);
  });
  afterAll(() => api.close());

  const scan = async (text: string) =>
    (await as(api.url, h.marketer).post('/compliance/scan', { text }).expect(200)).body
      .findings as Finding[];
  const restricted = (findings: Finding[]) =>
    findings.filter((f) => f.kind === 'restricted_term').map((f) => [f.severity, f.text]);

  it('lets compliance and admins keep the list, names a bad field, and audits every change', async () => {
    const added = await as(api.url, h.compliance)
      .post('/restricted-terms', { term: 'Project Aurora', severity: 'block' })
      .expect(201);
    await as(api.url, h.admin)
      .post('/restricted-terms', { term: '/\\bACME-\\d{3}\\b/', severity: 'warn' })
      .expect(201);
    await as(api.url, h.marketer)
      .post('/restricted-terms', { term: 'Halcyon', severity: 'block' })
      .expect(403);
    const duplicate = await as(api.url, h.admin)
      .post('/restricted-terms', { term: 'Project Aurora', severity: 'warn' })
      .expect(409);
    expect(duplicate.body.errors[0].field).toBe('term');
    const broken = await as(api.url, h.admin)
      .post('/restricted-terms', { term: '/([a-z/', severity: 'block' })
      .expect(400);
    expect(broken.body.errors[0].field).toBe('term');
    // A pattern that can backtrack for ever would stall every scan: refused when it is saved.
    const nested = await as(api.url, h.admin)
      .post('/restricted-terms', { term: '/(a+)+$/', severity: 'block' })
      .expect(400);
    expect(nested.body.errors[0].field).toBe('term');
    expect(JSON.stringify(nested.body)).toContain('exponential time');
    const badSeverity = await as(api.url, h.admin)
      .post('/restricted-terms', { term: 'Halcyon', severity: 'loud' })
      .expect(400);
    expect(badSeverity.body.errors[0].field).toBe('severity');

    const listed = await as(api.url, h.compliance).get('/restricted-terms').expect(200);
    expect(listed.body.map((t: { term: string }) => t.term)).toEqual([
      '/\\bACME-\\d{3}\\b/',
      'Project Aurora',
    ]);
    const audit = await as(api.url, h.admin).get('/audit').expect(200);
    const actions = (audit.body as { action: string; data: { term?: string } }[])
      .filter((e) => e.action.startsWith('restricted_term.'))
      .map((e) => [e.action, e.data.term]);
    expect(actions).toEqual(
      expect.arrayContaining([
        ['restricted_term.added', 'Project Aurora'],
        ['restricted_term.added', '/\\bACME-\\d{3}\\b/'],
      ]),
    );
    expect(added.body).toMatchObject({ term: 'Project Aurora', severity: 'block' });
  });

  it('flags the terms, whole words in any case and patterns, with their severity', async () => {
    expect(
      restricted(await scan('Teaser: project aurora opens soon, built with ACME-204 parts.')),
    ).toEqual([
      ['block', 'project aurora'],
      ['warn', 'ACME-204'],
    ]);
    expect(restricted(await scan('Projects like Auroras of the north; ACME-2045.'))).toEqual([]);
  });

  it('stops approval until compliance overrides the term with a justification', async () => {
    const post = await submittedPost(
      api.url,
      h,
      xPost(h, { text: 'Project Aurora breaks ground next week!' }),
    );
    const finding = post.findings.find((f) => f.kind === 'restricted_term')!;
    expect(finding).toMatchObject({ severity: 'block', text: 'Project Aurora' });
    const revisionId = post.revision.id;
    await as(api.url, h.compliance).post(`/posts/${post.id}/approve`, { revisionId }).expect(422);
    const justification = 'Announced publicly by the board on March 3';
    await as(api.url, h.compliance)
      .post(`/posts/${post.id}/approve`, {
        revisionId,
        overrides: [{ findingId: finding.id, justification }],
      })
      .expect(200);
  });

  it('forgets a removed term', async () => {
    const listed = await as(api.url, h.admin).get('/restricted-terms').expect(200);
    const aurora = (listed.body as { id: string; term: string }[]).find(
      (t) => t.term === 'Project Aurora',
    )!;
    await as(api.url, h.compliance).delete(`/restricted-terms/${aurora.id}`).expect(204);
    await as(api.url, h.compliance).delete(`/restricted-terms/${aurora.id}`).expect(404);
    expect(restricted(await scan('Project Aurora breaks ground next week!'))).toEqual([]);
  });
});
