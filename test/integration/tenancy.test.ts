import request from 'supertest';
import { can, Role } from '@rounds/domain';
import {
  addUser,
  Session,
  signupOrganization,
  TestOrganization,
} from '../factories/identity.factory';
import { TENANT_RESOURCES, VALID_BODIES } from '../factories/tenant-resources';
import { ApiRoute, listApiRoutes } from '../support/routes';
import { startTestApi, TestApi } from '../support/test-api';

/** The key of a route's parameter in TENANT_RESOURCES: the segment before it and the parameter. */
const resourceKey = (route: ApiRoute, param: string) => {
  const segments = route.path.split('/');
  const index = segments.indexOf(`:${param}`);
  return `${segments[index - 1]}/:${param}`;
};

describe('another organization sees nothing of ours', () => {
  let api: TestApi;
  let routes: ApiRoute[];
  let ours: TestOrganization;
  const theirs = {} as Record<Role, Session>;

  beforeAll(async () => {
    api = await startTestApi();
    routes = listApiRoutes(api.app).filter((r) => !r.isPublic);
    ours = await signupOrganization(api.url);
    const other = await signupOrganization(api.url);
    theirs[Role.Admin] = other.admin;
    for (const role of [Role.Marketer, Role.Compliance, Role.Executive]) {
      theirs[role] = await addUser(api.url, other.admin, role);
    }
  });
  afterAll(() => api.close());

  /** Someone of the other organization who is allowed to call the route. */
  const allowedCaller = (route: ApiRoute) =>
    Object.values(Role)
      .filter((role) => route.permission === 'any-role' || can(role, route.permission!))
      .map((role) => theirs[role])[0];

  it('has a way to create every resource a route names', () => {
    const missing = routes.flatMap((route) =>
      route.params.map((p) => resourceKey(route, p)).filter((key) => !TENANT_RESOURCES[key]),
    );
    expect([...new Set(missing)]).toEqual([]);
  });

  it('answers 404 on every route with our ids', async () => {
    const results: string[] = [];
    for (const route of routes.filter((r) => r.params.length > 0)) {
      let path = route.path;
      for (const param of route.params) {
        const id = await TENANT_RESOURCES[resourceKey(route, param)](api.url, ours);
        path = path.replace(`:${param}`, id);
      }
      const caller = allowedCaller(route);
      const body = VALID_BODIES[`${route.method} ${route.path}`]?.(caller) ?? {};
      const response = await request(api.url)
        [route.method](path)
        .auth(caller.accessToken, { type: 'bearer' })
        .send(body);
      results.push(`${route.method} ${route.path}: ${response.status}`);
    }
    expect(results).toEqual(results.map((r) => r.replace(/\d+$/, '404')));
  });

  it('lists none of our objects', async () => {
    const ourIds = [ours.id, ours.admin.userId];
    for (const [key, factory] of Object.entries(TENANT_RESOURCES)) {
      ourIds.push(`${await factory(api.url, ours)}`);
      expect(key).toBeTruthy();
    }
    for (const route of routes.filter((r) => r.method === 'get' && r.params.length === 0)) {
      const caller = allowedCaller(route);
      const response = await request(api.url)
        .get(route.path)
        .auth(caller.accessToken, { type: 'bearer' });
      const text = JSON.stringify(response.body ?? response.text);
      for (const id of ourIds)
        expect({ route: route.path, leaked: text.includes(id) }).toEqual({
          route: route.path,
          leaked: false,
        });
    }
  });
});
