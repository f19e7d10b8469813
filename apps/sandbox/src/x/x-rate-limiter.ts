import type { Response } from 'express';
import { X_RATE_WINDOW_MS, type XEndpoint } from './x-endpoints';
import { sendXProblem } from './x-problems';
import type { XStore } from './x-store';

/**
 * Counts one call of `endpoint` for `key` (an account, or a client for the token endpoint) in its
 * 15-minute window and sets X's rate-limit headers; answers 429 and returns false when spent.
 */
export function takeRateLimit(
  store: XStore,
  endpoint: XEndpoint,
  key: string,
  now: Date,
  res: Response,
): boolean {
  const windowKey = `${endpoint.method} ${endpoint.path} ${key}`;
  const nowMs = now.getTime();
  let window = store.rateWindows.get(windowKey);
  if (!window || window.resetAt <= nowMs) {
    window = { count: 0, resetAt: nowMs + X_RATE_WINDOW_MS };
    store.rateWindows.set(windowKey, window);
  }
  const allowed = window.count < endpoint.limit;
  if (allowed) window.count += 1;
  res.set({
    'x-rate-limit-limit': String(endpoint.limit),
    'x-rate-limit-remaining': String(endpoint.limit - window.count),
    'x-rate-limit-reset': String(Math.ceil(window.resetAt / 1000)),
  });
  if (!allowed) sendXProblem(res, 429);
  return allowed;
}
