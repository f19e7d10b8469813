import type { PhiFinding } from '../compliance/phi';

/** A scanner finding on a reply's text; approvals override it by id, as for posts. */
export interface ReplyFinding extends PhiFinding {
  id: string;
  field: 'text';
}
