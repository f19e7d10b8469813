import request from 'supertest';
import { Role } from '@rounds/domain';
import { addUser, Session, signupOrganization } from '../factories/identity.factory';
import { ApiRoute, listApiRoutes } from '../support/routes';
import { startTestApi, TestApi } from '../support/test-api';

const SOME_ID = '00000000-0000-4000-8000-000000000000';

/**
 * Who may call each route, written by hand from the README (its role table under "Identity, roles
 * and tenancy", the screen table under "Dashboard", and each capability's own section), not from
 * ROLE_PERMISSIONS: a wrong annotation or a wrong line in the role table fails here. Rows marked
 * "README silent" pin what the product does today; the README says nothing either way.
 */
const EVERY = 'admin marketer compliance executive';
const WRITERS = 'admin marketer'; // "marketer: create, edit, submit, reschedule and cancel posts; upload media"; admin "everything a marketer may"
const REVIEWERS = 'compliance'; // "compliance: review queue, approve or reject, override"
const ADMIN = 'admin'; // "admin: users, channels, approval policy, emergency pause"
const ADMIN_AND_COMPLIANCE = 'admin compliance';
const FEEDBACK_HANDLERS = 'admin marketer compliance'; // "owners assign, take, note and close": whoever may own feedback
const WHO_MAY: Record<string, string> = {
  // Posts: executives "read the calendar, posts and reports"; writers write; compliance reviews.
  'GET /api/v1/posts': EVERY,
  'GET /api/v1/posts/:id': EVERY,
  'POST /api/v1/posts': WRITERS,
  'PATCH /api/v1/posts/:id': WRITERS,
  'POST /api/v1/posts/:id/submit': WRITERS,
  'POST /api/v1/posts/:id/cancel': WRITERS,
  'POST /api/v1/posts/:id/release': WRITERS, // a held post "needs an explicit release" (writers')
  'POST /api/v1/posts/cost-preview': WRITERS, // "whoever may write posts"
  'POST /api/v1/links': WRITERS, // tracked links: "the composer … offers to track them"
  'POST /api/v1/posts/:id/approve': REVIEWERS,
  'POST /api/v1/posts/:id/reject': REVIEWERS,
  'GET /api/v1/approvals/queue': REVIEWERS, // screen table: Approval queue, compliance only
  // PHI underlined as writers type; compliance and admins write templates refused on a block.
  'POST /api/v1/compliance/scan': 'admin marketer compliance',
  // Restricted terms: "for admins and compliance".
  'GET /api/v1/restricted-terms': ADMIN_AND_COMPLIANCE,
  'POST /api/v1/restricted-terms': ADMIN_AND_COMPLIANCE,
  'DELETE /api/v1/restricted-terms/:id': ADMIN_AND_COMPLIANCE,
  // Media: writers upload and record consent (New post screen); everyone reads what posts show.
  'POST /api/v1/media': WRITERS,
  'GET /api/v1/media': EVERY,
  'GET /api/v1/media/:id': EVERY,
  'GET /api/v1/media/:id/content': EVERY,
  'POST /api/v1/media/:id/consents': WRITERS,
  'GET /api/v1/media/:id/consents': 'admin marketer compliance', // README silent
  'POST /api/v1/consents/:id/revoke': 'admin marketer compliance', // README silent
  'PATCH /api/v1/media/:id': 'admin marketer compliance', // README silent
  // Channels: "GET /api/v1/channels lists them (any role that reads content)"; admin connects.
  'GET /api/v1/channels': EVERY,
  'POST /api/v1/channels/x/connect': ADMIN,
  'POST /api/v1/channels/youtube/connect': ADMIN,
  'DELETE /api/v1/channels/:id': ADMIN,
  // Inbox: the README's route table under "Conversations".
  'GET /api/v1/conversations': EVERY,
  'POST /api/v1/conversations/:id/dismiss': WRITERS,
  'POST /api/v1/conversations/:id/replies': WRITERS,
  'GET /api/v1/conversations/replies': EVERY,
  'POST /api/v1/conversations/replies/:id/approve': REVIEWERS,
  'POST /api/v1/conversations/replies/:id/reject': REVIEWERS,
  'GET /api/v1/reply-templates': EVERY,
  'POST /api/v1/reply-templates': ADMIN_AND_COMPLIANCE,
  'POST /api/v1/reply-templates/:id/approve': REVIEWERS, // "approved by a different compliance officer"
  // Patient feedback: the README's routes under "Patient feedback"; owners are set in Settings by admins.
  'GET /api/v1/conversations/:id': EVERY, // the message a notification opens, as the inbox shows it
  'POST /api/v1/conversations/:id/assign': FEEDBACK_HANDLERS,
  'POST /api/v1/conversations/:id/take': FEEDBACK_HANDLERS,
  'POST /api/v1/conversations/:id/notes': FEEDBACK_HANDLERS,
  'POST /api/v1/conversations/:id/close': FEEDBACK_HANDLERS,
  'GET /api/v1/feedback/settings': EVERY, // the inbox shows owners and filters by them
  'PUT /api/v1/feedback/routes': ADMIN,
  'POST /api/v1/feedback/groups': ADMIN,
  'PUT /api/v1/feedback/groups/:id': ADMIN,
  'DELETE /api/v1/feedback/groups/:id': ADMIN,
  // Reports: "`reports:read`: every role".
  'GET /api/v1/reports/engagement': EVERY,
  'GET /api/v1/reports/compliance': EVERY,
  'GET /api/v1/reports/feedback': EVERY,
  // Audit trail: screen table, admin and compliance; legal hold: set by admins, read by both.
  'GET /api/v1/audit': ADMIN_AND_COMPLIANCE,
  'GET /api/v1/audit/verify': ADMIN_AND_COMPLIANCE,
  'GET /api/v1/audit/export': ADMIN_AND_COMPLIANCE,
  'GET /api/v1/organization/legal-hold': ADMIN_AND_COMPLIANCE,
  'POST /api/v1/organization/legal-hold': ADMIN,
  'POST /api/v1/organization/legal-hold/lift': ADMIN,
  // Organization: approval policy and pause are the admin's; everyone sees the settings and the
  // pause banner (README silent on reading the settings).
  'GET /api/v1/organization/settings': EVERY,
  'PATCH /api/v1/organization/settings': ADMIN,
  'GET /api/v1/organization/pause': EVERY,
  'POST /api/v1/organization/pause': ADMIN,
  'POST /api/v1/organization/resume': ADMIN,
  // Users and single sign-on: "An admin sets it up"; Users & roles screen, admin only.
  'GET /api/v1/organization/sso': ADMIN,
  'PUT /api/v1/organization/sso': ADMIN,
  'DELETE /api/v1/organization/sso': ADMIN,
  'GET /api/v1/users': ADMIN,
  'POST /api/v1/users': ADMIN,
  'PATCH /api/v1/users/:id': ADMIN,
  'POST /api/v1/users/:id/deactivate': ADMIN,
  'POST /api/v1/users/:id/reactivate': ADMIN,
  // One's own account and notifications: any signed-in user.
  'GET /api/v1/me': EVERY,
  'POST /api/v1/me/password': EVERY,
  'POST /api/v1/me/mfa/totp': EVERY,
  'POST /api/v1/me/mfa/totp/confirm': EVERY,
  'GET /api/v1/notifications': EVERY,
  'GET /api/v1/notifications/unread-count': EVERY,
  'POST /api/v1/notifications/read-all': EVERY,
  'POST /api/v1/notifications/:id/read': EVERY,
  // Web Push on one's own devices: any signed-in user ("every notice ... to its recipients").
  'GET /api/v1/push/key': EVERY,
  'POST /api/v1/push/subscriptions': EVERY,
  'DELETE /api/v1/push/subscriptions': EVERY,
};

/** Sends a route with placeholder ids and an empty body: enough to pass or fail the guard. */
function call(api: TestApi, route: ApiRoute, session: Session) {
  const path = route.path.replace(/:\w+/g, SOME_ID);
  return request(api.url)
    [route.method](path)
    .auth(session.accessToken, { type: 'bearer' })
    .send({});
}

describe('every route × every role, against the README', () => {
  let api: TestApi;
  let routes: ApiRoute[];
  const sessions = {} as Record<Role, Session>;

  beforeAll(async () => {
    api = await startTestApi();
    routes = listApiRoutes(api.app);
    const org = await signupOrganization(api.url);
    sessions[Role.Admin] = org.admin;
    for (const role of [Role.Marketer, Role.Compliance, Role.Executive]) {
      sessions[role] = await addUser(api.url, org.admin, role);
    }
  });
  afterAll(() => api.close());

  it('finds the routes', () => {
    expect(routes.length).toBeGreaterThan(5);
    expect(routes).toContainEqual(
      expect.objectContaining({ method: 'post', path: '/api/v1/users' }),
    );
  });

  it('declares who may call each non-public route', () => {
    const undeclared = routes.filter((r) => !r.isPublic && !r.permission);
    expect(undeclared.map((r) => `${r.method} ${r.path}`)).toEqual([]);
  });

  it('refuses anonymous callers on every non-public route', async () => {
    for (const route of routes.filter((r) => !r.isPublic)) {
      const path = route.path.replace(/:\w+/g, SOME_ID);
      const response = await request(api.url)[route.method](path).send({});
      expect({ route: `${route.method} ${route.path}`, status: response.status }).toEqual({
        route: `${route.method} ${route.path}`,
        status: 401,
      });
    }
  });

  it('allows each route to exactly the roles the README gives it, and never answers 500', async () => {
    const outcomes: string[] = [];
    const expected: string[] = [];
    for (const route of routes.filter((r) => !r.isPublic)) {
      const key = `${route.method.toUpperCase()} ${route.path}`;
      for (const role of Object.values(Role)) {
        const response = await call(api, route, sessions[role]);
        const status = response.status;
        const outcome = status === 403 ? 'forbidden' : status >= 500 ? 'error' : 'allowed';
        outcomes.push(`${role} ${key}: ${outcome}`);
        const allowed = WHO_MAY[key]?.split(' ').includes(role);
        expected.push(`${role} ${key}: ${allowed ? 'allowed' : 'forbidden'}`);
      }
    }
    expect(outcomes).toEqual(expected);
  });

  it('has a pinned row for every non-public route, and no row for a route that is gone', () => {
    const present = routes
      .filter((r) => !r.isPublic)
      .map((r) => `${r.method.toUpperCase()} ${r.path}`);
    expect([...present].sort()).toEqual(Object.keys(WHO_MAY).sort());
  });
});
