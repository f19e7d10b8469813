import { ApiPartialResponseError, ApiRequestError, ApiResponseError } from 'twitter-api-v2';
import { answerOfStatus, type CreateCall, createCallError } from '../create-outcomes';
import { PlatformError } from '../platform-error';

const FALLBACK_WAIT_MS = 15 * 60 * 1000;

interface XErrorBody {
  title?: string;
  detail?: string;
  type?: string;
  error?: string;
  error_description?: string;
  errors?: { message?: string }[];
}

/**
 * Classifies whatever twitter-api-v2 threw. A create call (`call`: a tweet, a media upload) is
 * judged by the create-outcome table: only answers that prove a refusal end it, and a 5xx, a
 * timeout, a reset after sending or an unparseable answer leave it in doubt.
 */
export function toPlatformError(error: unknown, call?: CreateCall): PlatformError {
  if (error instanceof PlatformError) return error;
  if (error instanceof ApiResponseError) {
    const answer = fromResponse(error);
    if (!call || answer.kind === 'rate_limited') return answer;
    const answered = isDuplicateContent(error) ? 'duplicate' : answerOfStatus(error.code);
    return createCallError(call, answered, answer.message, error.code);
  }
  if (error instanceof ApiRequestError || error instanceof ApiPartialResponseError) {
    const reason = causeOf(error)?.message ?? error.message;
    const sent = error instanceof ApiPartialResponseError || error.request.writableFinished;
    if (call && sent) {
      return createCallError(call, 'sent-then-lost', `X connection lost after sending: ${reason}`);
    }
    return new PlatformError('transient', `X request failed: ${reason}`);
  }
  const message = error instanceof Error ? error.message : String(error);
  // uploadMedia throws a plain Error when X reports that processing the video failed.
  if (message.startsWith('Media processing failed')) return new PlatformError('content', message);
  // Anything else out of a create call is an answer the client could not read.
  if (call) return createCallError(call, 'unparseable', `X answer unreadable: ${message}`);
  return new PlatformError('transient', message);
}

/** X's refusal of a text the account has already posted (403, "duplicate content"). */
function isDuplicateContent(error: ApiResponseError): boolean {
  return error.code === 403 && /duplicate content/i.test(messageOf(error));
}

/**
 * The network error behind a failed request. twitter-api-v2 1.29 stores it as `error` while its
 * `requestError` getter reads another key, so the getter is always undefined.
 */
function causeOf(error: ApiRequestError | ApiPartialResponseError): Error | undefined {
  if (error instanceof ApiPartialResponseError) return error.responseError;
  const options = (error as unknown as { _options?: { error?: Error } })._options;
  return error.requestError ?? options?.error;
}

function fromResponse(error: ApiResponseError): PlatformError {
  const status = error.code;
  const message = messageOf(error);
  if (status === 429) return new PlatformError('rate_limited', message, status, retryAt(error));
  if (status === 401) return new PlatformError('auth', message, status);
  if (status >= 500) return new PlatformError('transient', message, status);
  // The token endpoint's RFC 6749 errors (invalid_grant, invalid_request…): the grant is unusable.
  if ((error.data as XErrorBody | undefined)?.error)
    return new PlatformError('auth', message, status);
  return new PlatformError('content', message, status);
}

function messageOf(error: ApiResponseError): string {
  const body = (error.data ?? {}) as XErrorBody;
  const first = body.errors?.[0]?.message;
  const invalidRequest = body.type?.endsWith('/invalid-request');
  return (
    (invalidRequest && first) ||
    body.detail ||
    body.error_description ||
    first ||
    body.title ||
    `X answered HTTP ${error.code}`
  );
}

/** X's reset header (epoch seconds); the 24-hour user limit wins when that one is spent. */
function retryAt(error: ApiResponseError): Date {
  const limit = error.rateLimit;
  const reset = limit?.userDay?.remaining === 0 ? limit.userDay.reset : limit?.reset;
  return reset ? new Date(reset * 1000) : new Date(Date.now() + FALLBACK_WAIT_MS);
}
