import type { Request } from 'express';
import { queryDate, queryInt, queryString, XQueryError } from './x-query';
import type { XTweet } from './x-store';

/**
 * One page of a timeline (`/2/users/:id/tweets`, `/mentions`), newest first, with X's filters
 * (since_id, until_id, start_time, end_time, exclude=replies) and base36 pagination tokens.
 */
export function timelinePage(req: Request, oldestFirst: XTweet[]) {
  const maxResults = queryInt(req, 'max_results', 5, 100, 10);
  const sinceId = idParam(req, 'since_id');
  const untilId = idParam(req, 'until_id');
  const start = queryDate(req, 'start_time');
  const end = queryDate(req, 'end_time');
  const token = queryString(req, 'pagination_token');
  const before = token ? fromToken(token) : undefined;
  const excludeReplies = (queryString(req, 'exclude') ?? '').split(',').includes('replies');
  const matching = oldestFirst
    .filter(
      (t) =>
        !t.deletedAt &&
        (sinceId === undefined || BigInt(t.id) > sinceId) &&
        (untilId === undefined || BigInt(t.id) < untilId) &&
        (before === undefined || BigInt(t.id) < before) &&
        (!start || t.createdAt >= start) &&
        (!end || t.createdAt <= end) &&
        !(excludeReplies && t.inReplyToTweetId),
    )
    .reverse();
  const page = matching.slice(0, maxResults);
  const meta: Record<string, unknown> = { result_count: page.length };
  if (page.length) {
    meta.newest_id = page[0].id;
    meta.oldest_id = page[page.length - 1].id;
  }
  if (matching.length > maxResults) meta.next_token = BigInt(meta.oldest_id as string).toString(36);
  return { page, meta };
}

function idParam(req: Request, name: string): bigint | undefined {
  const raw = queryString(req, name);
  if (raw === undefined) return undefined;
  if (!/^[0-9]{1,19}$/.test(raw)) {
    throw new XQueryError(
      name,
      [raw],
      `The \`${name}\` query parameter value [${raw}] is not valid`,
    );
  }
  return BigInt(raw);
}

function fromToken(token: string): bigint {
  if (!/^[0-9a-z]{1,20}$/.test(token)) {
    throw new XQueryError('pagination_token', [token], 'The `pagination_token` is not valid');
  }
  return [...token].reduce((acc, ch) => acc * 36n + BigInt(parseInt(ch, 36)), 0n);
}
