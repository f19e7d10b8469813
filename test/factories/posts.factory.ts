import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import { addUser, Session, signupOrganization } from './identity.factory';

export type Platform = 'x' | 'youtube';

const HOUR = 3600_000;

/** An ISO time `hours` from now (UTC, with Z). */
export const inHours = (hours: number) => new Date(Date.now() + hours * HOUR).toISOString();

/**
 * A connected channel of the organization. Channels connect through OAuth, which the tests of
 * posts do not exercise, so the row is written directly into the suite's database (startTestApi
 * sets DATABASE_URL).
 */
export async function createChannel(
  organizationId: string,
  platform: Platform = 'x',
  status = 'connected',
): Promise<string> {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const handle = `${platform}-${randomBytes(4).toString('hex')}`;
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO channels (organization_id, platform, external_account_id, handle, display_name, status)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [
        organizationId,
        platform,
        randomBytes(8).toString('hex'),
        handle,
        `Mercy ${platform}`,
        status,
      ],
    );
    return rows[0].id;
  } finally {
    await client.end();
  }
}

/** Requests as one signed-in user; the caller asserts the status. */
export function as(url: string, session: Session) {
  const auth = <T extends request.Test>(test: T) =>
    test.auth(session.accessToken, { type: 'bearer' });
  return {
    get: (path: string) => auth(request(url).get(`/api/v1${path}`)),
    post: (path: string, body: object = {}) => auth(request(url).post(`/api/v1${path}`)).send(body),
    patch: (path: string, body: object) => auth(request(url).patch(`/api/v1${path}`)).send(body),
    put: (path: string, body: object) => auth(request(url).put(`/api/v1${path}`)).send(body),
    delete: (path: string) => auth(request(url).delete(`/api/v1${path}`)),
  };
}

/** A hospital with one user of each role (two compliance officers) and an X and a YouTube channel. */
export async function hospital(url: string, timeZone = 'America/Chicago') {
  const org = await signupOrganization(url, timeZone);
  const [marketer, compliance, compliance2, executive] = await Promise.all([
    addUser(url, org.admin, 'marketer'),
    addUser(url, org.admin, 'compliance'),
    addUser(url, org.admin, 'compliance'),
    addUser(url, org.admin, 'executive'),
  ]);
  const [x, youtube] = [await createChannel(org.id, 'x'), await createChannel(org.id, 'youtube')];
  return {
    id: org.id,
    admin: org.admin,
    marketer,
    compliance,
    compliance2,
    executive,
    channels: { x, youtube },
  };
}
export type Hospital = Awaited<ReturnType<typeof hospital>>;

/** A plain X post, tomorrow, without PHI. */
export const xPost = (h: Hospital, fields: Record<string, unknown> = {}) => ({
  channelIds: [h.channels.x],
  scheduledAt: inHours(24),
  text: 'Flu shots are free this Saturday at our main campus. No appointment needed! #FluSeason',
  ...fields,
});

export interface PostBody {
  id: string;
  status: string;
  scheduledAt: string;
  revision: { id: string; number: number; contentHash: string; content: Record<string, unknown> };
  findings: { id: string; kind: string; severity: string; field: string; source: string }[];
  approvals: {
    approverId: string;
    decision: string;
    voidedAt: string | null;
    revisionId: string;
  }[];
  approval: { required: number; approverIds: string[]; categories: string[] };
  publications: { channelId: string; status: string; approvedContentHash: string }[];
  revisions: { number: number; contentHash: string }[];
  approvedRevisionId: string | null;
}

/** Creates a post as `author` and returns it; fails the test on anything but 201. */
export async function createPost(url: string, author: Session, body: object): Promise<PostBody> {
  const response = await as(url, author).post('/posts', body);
  if (response.status !== 201) throw new Error(`create post: ${response.status} ${response.text}`);
  return response.body;
}

/** Created and submitted by the marketer: in review. */
export async function submittedPost(url: string, h: Hospital, body: object = xPost(h)) {
  const post = await createPost(url, h.marketer, body);
  const response = await as(url, h.marketer).post(`/posts/${post.id}/submit`);
  if (response.status !== 200) throw new Error(`submit: ${response.status} ${response.text}`);
  return response.body as PostBody;
}

/** Submitted and approved by the first compliance officer: scheduled. */
export async function approvedPost(url: string, h: Hospital, body: object = xPost(h)) {
  const post = await submittedPost(url, h, body);
  const response = await as(url, h.compliance).post(`/posts/${post.id}/approve`, {
    revisionId: post.revision.id,
  });
  if (response.status !== 200) throw new Error(`approve: ${response.status} ${response.text}`);
  return response.body as PostBody;
}

/** The post's audit events, oldest first, as an admin reads them. */
export async function postAudit(url: string, admin: Session, postId: string) {
  const response = await as(url, admin).get(`/audit?subjectType=post&subjectId=${postId}`);
  return (
    response.body as { action: string; actorId: string | null; data: Record<string, unknown> }[]
  )
    .slice()
    .reverse();
}
