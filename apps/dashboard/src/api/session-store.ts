/** `restoring`: a reload, the HttpOnly refresh cookie may still hold a session (asked once). */
export type SessionStatus = 'restoring' | 'signed-in' | 'signed-out';

const listeners = new Set<() => void>();

/** The access token lives in memory only; the refresh token is an HttpOnly cookie no script reads. */
let accessToken: string | null = null;
let status: SessionStatus = 'restoring';
let version = 0;

function changed(): void {
  version += 1;
  listeners.forEach((listener) => listener());
}

export const sessionStore = {
  accessToken: (): string | null => accessToken,
  status: (): SessionStatus => status,
  store(token: string): void {
    accessToken = token;
    status = 'signed-in';
    changed();
  },
  clear(): void {
    accessToken = null;
    status = 'signed-out';
    changed();
  },
  /** For useSyncExternalStore: a number that changes whenever the session does. */
  version: (): number => version,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
