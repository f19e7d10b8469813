import request from 'supertest';
import { can, Role } from '@rounds/domain';
import { addUser, Session, signupOrganization } from '../factories/identity.factory';
import { ApiRoute, listApiRoutes } from '../support/routes';
import { startTestApi, TestApi } from '../support/test-api';

const SOME_ID = '00000000-0000-4000-8000-000000000000';

/** Sends a route with placeholder ids and an empty body: enough to pass or fail the guard. */
function call(api: TestApi, route: ApiRoute, session: Session) {
  const path = route.path.replace(/:\w+/g, SOME_ID);
  return request(api.url)
    [route.method](path)
    .auth(session.accessToken, { type: 'bearer' })
    .send({});
}

describe('every route × every role, against the role table', () => {
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

  it('answers 403 exactly when the role lacks the permission, and never a 500', async () => {
    const outcomes: string[] = [];
    const expected: string[] = [];
    for (const route of routes.filter((r) => !r.isPublic)) {
      for (const role of Object.values(Role)) {
        const response = await call(api, route, sessions[role]);
        const allowed = route.permission === 'any-role' || can(role, route.permission!);
        const label = `${role} ${route.method} ${route.path}`;
        outcomes.push(
          `${label}: ${response.status === 403 ? 'forbidden' : response.status >= 500 ? 'error' : 'allowed'}`,
        );
        expected.push(`${label}: ${allowed ? 'allowed' : 'forbidden'}`);
      }
    }
    expect(outcomes).toEqual(expected);
  });
});
