import type { Request, Response } from 'express';
import type { LoggedRequest, SandboxContext } from '../sandbox-context';

export const REQUEST_LOG_CAP = 50_000;
// Trimming in chunks keeps appends amortised O(1) under a 10,000-request burst.
const TRIM_CHUNK = REQUEST_LOG_CAP / 10;

/** Appends the request to the log once its answer is finished; status 0 = the client got none. */
export function logWhenDone(
  ctx: SandboxContext,
  platform: LoggedRequest['platform'],
  req: Request,
  res: Response,
): void {
  const at = ctx.now().toISOString();
  const path = req.originalUrl.split('?')[0];
  res.once('close', () => {
    const status = res.writableFinished ? res.statusCode : 0;
    const answeredAt = ctx.now().toISOString();
    ctx.requests.push({ at, answeredAt, platform, method: req.method, path, status });
    if (ctx.requests.length > REQUEST_LOG_CAP + TRIM_CHUNK) {
      ctx.requests.splice(0, ctx.requests.length - REQUEST_LOG_CAP);
    }
  });
}

export function filterRequests(
  requests: LoggedRequest[],
  filter: { platform?: string; path?: string },
): LoggedRequest[] {
  return requests.filter(
    (r) =>
      (!filter.platform || r.platform === filter.platform) &&
      (!filter.path || r.path.startsWith(filter.path)),
  );
}
