/** PostgreSQL codes and driver messages of a server that is restarting or out of reach. */
const UNAVAILABLE_CODES = new Set([
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up)
  '08000',
  '08001',
  '08003',
  '08006',
  'ECONNREFUSED',
  'ECONNRESET',
]);
const UNAVAILABLE_MESSAGES =
  /Connection terminated|connection is closed|Client has encountered a connection error/i;
const RETRY_EVERY_MS = 250;

/** Whether `error` says the database could not be reached, rather than that the query was wrong. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const { code, driverError, message } = (error ?? {}) as {
    code?: string;
    driverError?: { code?: string };
    message?: string;
  };
  return (
    UNAVAILABLE_CODES.has(code ?? '') ||
    UNAVAILABLE_CODES.has(driverError?.code ?? '') ||
    UNAVAILABLE_MESSAGES.test(message ?? '')
  );
}

/** Runs `work`, again every 250 ms while the database is unavailable, for at most `withinMs`. */
export async function whileDatabaseDown<T>(work: () => Promise<T>, withinMs: number): Promise<T> {
  const giveUpAt = Date.now() + withinMs;
  for (;;) {
    try {
      return await work();
    } catch (error) {
      if (!isDatabaseUnavailable(error) || Date.now() >= giveUpAt) throw error;
      await new Promise((resolve) => setTimeout(resolve, RETRY_EVERY_MS));
    }
  }
}
