import { PlatformError, type PublishedItem } from '@rounds/platforms';
import { ChannelUnavailableError } from '../channels/channel-errors';

export interface RetryPolicy {
  /** Tries before a publication that keeps meeting 5xx or timeouts is `failed`. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/** What the publisher does with a publication after one try. */
export type Decision =
  | { action: 'published'; item: PublishedItem }
  /** Back to `scheduled`; the job comes back at `at`. */
  | { action: 'retry'; at: Date; error: string }
  /** 429: the channel waits until `until`, its other posts too; other channels go on. */
  | { action: 'wait_for_channel'; until: Date; error: string }
  /** The project's YouTube quota is spent until `until` (the next Pacific midnight). */
  | { action: 'wait_for_quota'; until: Date; error: string }
  | { action: 'failed'; error: string }
  /** The platform may have it: verify there before anything is sent again. */
  | { action: 'in_doubt'; error: string }
  /** The platform has it (a duplicate answered to a resend): its id is looked up at once. */
  | { action: 'exists'; error: string }
  /** The channel needs re-authorization: the post is held with it. */
  | { action: 'hold'; reason: string };

/** Exponential, with half of each step random so retries of many posts spread out. */
export function backoffMs(attempt: number, policy: RetryPolicy, random = Math.random): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(step / 2 + random() * (step / 2));
}

/** Small random spread so jobs released together do not arrive together. */
export const jitterMs = (maxMs: number, random = Math.random) => Math.round(random() * maxMs);

/**
 * How one failed try ends. `attempt` is the try that failed (1 for the first); `sending` says
 * whether the call that creates the post had started, where an unexplained failure leaves the
 * outcome unknown; `resend`, whether an earlier send may have reached the platform (the try
 * follows an in-doubt lookup), where a duplicate answer proves that earlier send created it.
 */
export function decide(
  error: unknown,
  attempt: number,
  policy: RetryPolicy,
  now: Date,
  sending: boolean,
  resend = false,
): Decision {
  if (error instanceof ChannelUnavailableError) return { action: 'hold', reason: error.message };
  if (!(error instanceof PlatformError)) {
    const message = error instanceof Error ? error.message : String(error);
    return sending
      ? { action: 'in_doubt', error: message }
      : transient(message, attempt, policy, now);
  }
  switch (error.kind) {
    case 'rate_limited':
      return { action: 'wait_for_channel', until: later(error.retryAt, now), error: error.message };
    case 'quota':
      return { action: 'wait_for_quota', until: later(error.retryAt, now), error: error.message };
    case 'transient':
      return transient(error.message, attempt, policy, now);
    case 'auth':
      return { action: 'hold', reason: error.message };
    case 'content':
      return { action: 'failed', error: error.message };
    case 'duplicate':
      return resend
        ? { action: 'exists', error: `${error.message} (answered to a resend: it has the post)` }
        : { action: 'failed', error: error.message };
    case 'unknown_outcome':
      return { action: 'in_doubt', error: error.message };
  }
}

function transient(error: string, attempt: number, policy: RetryPolicy, now: Date): Decision {
  if (attempt >= policy.maxAttempts) {
    return { action: 'failed', error: `gave up after ${attempt} tries: ${error}` };
  }
  return { action: 'retry', at: new Date(now.getTime() + backoffMs(attempt, policy)), error };
}

const later = (at: Date | undefined, now: Date) =>
  at && at.getTime() > now.getTime() ? at : new Date(now.getTime() + 60_000);
