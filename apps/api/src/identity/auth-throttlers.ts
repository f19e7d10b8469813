import type { ThrottlerOptions } from '@nestjs/throttler';
import type { Request } from 'express';
import { AppConfig } from '@rounds/config';

const WINDOW_MS = 15 * 60_000;

/**
 * Per address on sign-up, login and reset (refresh and logout opt out: refresh is limited per
 * session), and per account on login (guessing one password).
 */
export function authThrottlers(config: AppConfig): ThrottlerOptions[] {
  return [
    { name: 'address', ttl: WINDOW_MS, limit: config.AUTH_RATE_LIMIT_PER_ADDRESS },
    {
      name: 'account',
      ttl: WINDOW_MS,
      limit: config.LOGIN_RATE_LIMIT_PER_ACCOUNT,
      skipIf: (context) => !context.switchToHttp().getRequest<Request>().path.endsWith('/login'),
      getTracker: (request: Record<string, { email?: unknown }>) =>
        String(request.body?.email ?? '').toLowerCase(),
    },
  ];
}
