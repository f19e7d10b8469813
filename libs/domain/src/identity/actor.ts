import { Role } from './role';

/** The authenticated user a request or action is performed by. */
export interface Actor {
  userId: string;
  organizationId: string;
  role: Role;
}
