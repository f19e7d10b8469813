import { PlatformError, type PlatformErrorKind } from './platform-error';

/** The calls that make something on a platform, where a second send could show twice. */
export type CreateCall =
  'x.tweet' | 'x.media_finalize' | 'youtube.insert' | 'youtube.comment_reply';

/**
 * How an answer to a create call looked: its HTTP status class, or how the exchange broke off.
 * `sent-then-lost` is a timeout or a reset connection after the request was fully written;
 * `not-sent` is a failure before it left (connection refused, DNS, an incomplete write);
 * `duplicate` is X's 403 for a text the account has already posted.
 */
export type CreateAnswer =
  | 'created'
  | 'duplicate'
  | 'unparseable'
  | 400
  | 401
  | 403
  | 404
  | 408
  | 409
  | 413
  | 429
  | '5xx'
  | 'sent-then-lost'
  | 'not-sent';

/**
 * What an answer proves: the post exists (`created`), it does not and never will (`refused`),
 * nothing was created yet and the call may be made again after a wait (`wait`, `auth`, `retry`),
 * or nothing at all (`in_doubt`): the platform must be searched before any resend. `duplicate`:
 * the platform already holds this text, a refusal on a first send; answered to a resend (or a
 * reply, whose lookup is exact) it proves an earlier send created it, and a lookup finds its id.
 */
export type CreateVerdict =
  'created' | 'duplicate' | 'refused' | 'wait' | 'auth' | 'retry' | 'in_doubt';

/**
 * Per platform and create call, which answers prove what (README, "Exactly once"). An answer not
 * listed proves nothing and is in doubt. X refuses content with 400/403 (validation, duplicate,
 * length) and limits with 429 before creating anything; YouTube does the same with 400/403/404
 * (403 also carries quota and rate reasons, read from the body before this table). A 5xx is never
 * proof of refusal: X answers 503 under load after the tweet was created. X's duplicate-content
 * 403 is told apart from its other 403s: after a send that may have reached X it proves the post.
 */
export const CREATE_OUTCOMES: Record<CreateCall, Partial<Record<CreateAnswer, CreateVerdict>>> = {
  'x.tweet': {
    created: 'created',
    duplicate: 'duplicate',
    400: 'refused',
    401: 'auth',
    403: 'refused',
    429: 'wait',
    'not-sent': 'retry',
  },
  // A finalized media id is never public: re-uploading makes a new unattached one that X drops
  // after 24 hours, so the in-doubt check of a finalize is a fresh upload (no duplicate post).
  'x.media_finalize': {
    created: 'created',
    400: 'refused',
    401: 'auth',
    403: 'refused',
    413: 'refused',
    429: 'wait',
    'not-sent': 'retry',
  },
  'youtube.insert': {
    created: 'created',
    400: 'refused',
    401: 'auth',
    403: 'refused',
    404: 'refused',
    429: 'wait',
    'not-sent': 'retry',
  },
  'youtube.comment_reply': {
    created: 'created',
    400: 'refused',
    401: 'auth',
    403: 'refused',
    404: 'refused',
    429: 'wait',
    'not-sent': 'retry',
  },
};

/** The table's verdict for an answer: anything it does not list is in doubt. */
export function createVerdict(call: CreateCall, answer: CreateAnswer): CreateVerdict {
  return CREATE_OUTCOMES[call][answer] ?? 'in_doubt';
}

/** The answer class of an HTTP status on a create call. */
export function answerOfStatus(status: number): CreateAnswer {
  if (status >= 500) return '5xx';
  return (KNOWN_STATUSES as number[]).includes(status) ? (status as CreateAnswer) : 'unparseable';
}

const KNOWN_STATUSES = [400, 401, 403, 404, 408, 409, 413, 429];

const KIND_OF: Record<Exclude<CreateVerdict, 'created'>, PlatformErrorKind> = {
  duplicate: 'duplicate',
  refused: 'content',
  wait: 'rate_limited',
  auth: 'auth',
  retry: 'transient',
  in_doubt: 'unknown_outcome',
};

/** The PlatformError a failed create call ends in, per the table. */
export function createCallError(
  call: CreateCall,
  answer: CreateAnswer,
  message: string,
  status?: number,
  retryAt?: Date,
): PlatformError {
  const verdict = createVerdict(call, answer);
  if (verdict === 'created') {
    return new PlatformError('unknown_outcome', `${call}: ${message}`, status);
  }
  return new PlatformError(KIND_OF[verdict], message, status, retryAt);
}
