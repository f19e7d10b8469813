import pino from 'pino';

/** Keys whose values never reach a log line, at any of the first three levels of nesting. */
const SECRET_KEYS = [
  'password',
  'currentPassword',
  'newPassword',
  'passwordHash',
  'token',
  'accessToken',
  'refreshToken',
  'mfaToken',
  'tokenHash',
  'secret',
  'authorization',
  'cookie',
  // A failed query's bound values (password hashes, patient names from consent records).
  'parameters',
];

export const REDACTED_PATHS = [
  ...SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]),
  'res.headers["set-cookie"]',
];

/** pino's error serializer, minus what a driver error carries of the statement's values. */
export function serializeError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const serialized = pino.stdSerializers.err(error) as unknown as Record<string, unknown>;
  for (const key of ['parameters', 'query', 'detail', 'where', 'driverError']) {
    delete serialized[key];
  }
  // PostgreSQL quotes the offending value in some messages (`invalid input syntax … "value"`).
  if ('parameters' in error) {
    for (const key of ['message', 'stack']) {
      serialized[key] = String(serialized[key] ?? '').replace(/"[^"\n]*"/g, '"[redacted]"');
    }
  }
  return serialized;
}
