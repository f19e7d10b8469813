import type { Session, TestOrganization } from './identity.factory';
import { addUser } from './identity.factory';

/**
 * How to make, in one organization, the object a route parameter names — keyed by the path
 * segment before the parameter and the parameter (`users/:id`). The tenancy suite walks every
 * route with parameters and fails, naming the key, when a new resource has no entry here.
 */
export type ResourceFactory = (url: string, org: TestOrganization) => Promise<string>;

export const TENANT_RESOURCES: Record<string, ResourceFactory> = {
  'users/:id': async (url, org) => (await addUser(url, org.admin, 'marketer')).userId,
};

/** Bodies that pass validation for routes that take one, so the tenant check is what answers. */
export const VALID_BODIES: Record<string, (session: Session) => object> = {
  'patch /api/v1/users/:id': () => ({ role: 'executive' }),
};
