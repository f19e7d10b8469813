import { Role } from './role';

/** The authenticated user a request or action is performed by. */
export interface Actor {
  userId: string;
  organizationId: string;
  role: Role;
  /** The session (refresh family) of the request, when it came with an access token. */
  sessionId?: string;
}
