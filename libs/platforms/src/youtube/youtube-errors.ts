import { answerOfStatus, type CreateCall, createCallError } from '../create-outcomes';
import { PlatformError } from '../platform-error';
import { nextQuotaReset } from './youtube-quota';

/**
 * Whether sending the request twice is harmless, or else which create call it is (a comment
 * reply, a one-request upload): its answers are judged by the create-outcome table.
 */
export type Repeatable = 'idempotent' | CreateCall;

/** What Rounds reads from a gaxios error. */
export interface HttpError extends Error {
  response?: { status: number; data?: unknown; headers: Headers };
  code?: string | number;
}

// gaxios brands its errors with this symbol; googleapis nests another gaxios copy, so instanceof is unreliable.
const GAXIOS_ERROR = Symbol.for('gaxios-gaxios-error');

/** A failed HTTP call, from whichever copy of gaxios threw it. */
export const isHttpError = (error: unknown): error is HttpError =>
  error instanceof Error && GAXIOS_ERROR in error;

interface ErrorCause {
  code?: string | number;
  name?: string;
  cause?: unknown;
}

/** Codes meaning the request never left this machine. */
const NOT_SENT = ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH'];
const QUOTA_REASONS = ['quotaExceeded', 'dailyLimitExceeded'];
const RATE_REASONS = ['rateLimitExceeded', 'userRateLimitExceeded', 'uploadRateLimitExceeded'];
const DEFAULT_RATE_WAIT_MS = 60_000;

/** Classifies any failure of a YouTube or Google OAuth call into a PlatformError. */
export function toPlatformError(
  error: HttpError | PlatformError,
  repeatable: Repeatable,
  now = new Date(),
): PlatformError {
  if (error instanceof PlatformError) return error;
  if (error.response) {
    const answer = fromResponse(error.response, now);
    // Quota and rate reasons come in the body of a 403 as well as a 429: nothing was created.
    if (repeatable === 'idempotent' || ['quota', 'rate_limited'].includes(answer.kind))
      return answer;
    const { status } = error.response;
    return createCallError(repeatable, answerOfStatus(status), answer.message, status);
  }
  const code = networkCode(error) ?? 'connection lost';
  if (NOT_SENT.includes(code)) {
    return new PlatformError('transient', `YouTube unreachable (${code})`);
  }
  return repeatable === 'idempotent'
    ? new PlatformError('transient', `YouTube did not answer (${code})`)
    : createCallError(
        repeatable,
        'sent-then-lost',
        `YouTube did not answer (${code}); the request may have been applied`,
      );
}

function fromResponse(response: NonNullable<HttpError['response']>, now: Date): PlatformError {
  const { status } = response;
  const { reason, message } = googleReason(response.data);
  const text = message ?? `YouTube answered ${status}`;
  if (QUOTA_REASONS.includes(reason ?? '')) {
    return new PlatformError('quota', text, status, nextQuotaReset(now));
  }
  if (status === 429 || RATE_REASONS.includes(reason ?? '')) {
    const after = Number(response.headers?.get('retry-after'));
    const waitMs = Number.isFinite(after) && after > 0 ? after * 1000 : DEFAULT_RATE_WAIT_MS;
    return new PlatformError('rate_limited', text, status, new Date(now.getTime() + waitMs));
  }
  if (status === 401 || reason === 'insufficientPermissions' || isOAuthGrantError(reason)) {
    return new PlatformError('auth', text, status);
  }
  if (status >= 500 || status === 408) return new PlatformError('transient', text, status);
  return new PlatformError('content', text, status);
}

/** The reason and message of an API error (`{error:{errors:[{reason}]}}`) or an OAuth one (`{error, error_description}`). */
function googleReason(data: unknown): { reason?: string; message?: string } {
  const body = (data ?? {}) as {
    error?: string | { message?: string; errors?: { reason?: string }[] };
    error_description?: string;
  };
  if (typeof body.error === 'string') {
    return { reason: body.error, message: body.error_description ?? body.error };
  }
  return { reason: body.error?.errors?.[0]?.reason, message: body.error?.message };
}

const isOAuthGrantError = (reason?: string) =>
  reason === 'invalid_grant' || reason === 'unauthorized_client' || reason === 'invalid_client';

/** The system error code (ECONNRESET…) or the abort of a timeout, wherever gaxios nested it. */
function networkCode(error: unknown): string | undefined {
  for (let cause = error as ErrorCause | undefined, depth = 0; cause && depth < 4; depth += 1) {
    if (typeof cause.code === 'string') return cause.code;
    if (cause.name === 'AbortError') return 'timeout';
    cause = cause.cause as ErrorCause | undefined;
  }
  return undefined;
}

/** A content refusal with this HTTP status (e.g. 404 on a video already deleted). */
export const isRefusal = (error: unknown, status: number) =>
  error instanceof PlatformError && error.kind === 'content' && error.status === status;
