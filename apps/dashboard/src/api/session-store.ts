import type { Schemas } from './schema-types';

type TokenPair = Schemas['TokenPairDto'];

const REFRESH_KEY = 'rounds.refreshToken';
const listeners = new Set<() => void>();

/** The access token lives in memory only; the refresh token survives a reload of this tab. */
let accessToken: string | null = null;
let version = 0;

function changed(): void {
  version += 1;
  listeners.forEach((listener) => listener());
}

export const sessionStore = {
  accessToken: (): string | null => accessToken,
  refreshToken: (): string | null => sessionStorage.getItem(REFRESH_KEY),
  signedIn: (): boolean => accessToken !== null || sessionStorage.getItem(REFRESH_KEY) !== null,
  store(pair: TokenPair): void {
    accessToken = pair.accessToken;
    sessionStorage.setItem(REFRESH_KEY, pair.refreshToken);
    changed();
  },
  clear(): void {
    accessToken = null;
    sessionStorage.removeItem(REFRESH_KEY);
    changed();
  },
  /** For useSyncExternalStore: a number that changes whenever the session does. */
  version: (): number => version,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
