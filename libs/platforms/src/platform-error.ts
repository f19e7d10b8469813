/**
 * Every platform failure, classified once so the publisher and collector decide retries in one place.
 * - rate_limited: wait until `retryAt` (X 429 reset) — other channels go on.
 * - quota: the YouTube project's daily quota is spent; wait until `retryAt` (Pacific midnight).
 * - transient: 5xx, timeouts, dropped connections — retry with backoff.
 * - auth: 401 / revoked grant — refresh once, then the channel needs re-authorization.
 * - content: the platform refused this content (4xx) — fail now with the platform's message.
 * - duplicate: X refused a text the account already posted — after a send that may have reached
 *   X, that send created it (look its id up); otherwise a refusal like `content`.
 * - unknown_outcome: the request may have been accepted (connection dropped after sending) —
 *   verify on the platform before sending again.
 */
export type PlatformErrorKind =
  'rate_limited' | 'quota' | 'transient' | 'auth' | 'content' | 'duplicate' | 'unknown_outcome';

export class PlatformError extends Error {
  constructor(
    readonly kind: PlatformErrorKind,
    message: string,
    readonly status?: number,
    readonly retryAt?: Date,
  ) {
    super(message);
    this.name = 'PlatformError';
  }
}
