import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useMemo, useSyncExternalStore } from 'react';
import type { ReactNode } from 'react';
import { api, unwrap } from '../api/client';
import type { Schemas } from '../api/schema-types';
import { sessionStore, SessionStatus } from '../api/session-store';
import type { Permission } from './permissions';

export interface Session {
  user: Schemas['UserDto'];
  organization: Schemas['OrganizationDto'];
  mfa: Schemas['MfaStatusDto'];
  can(permission: Permission): boolean;
  signOut(): void;
}

const SessionContext = createContext<Session | null>(null);

export const ME_QUERY = ['me'] as const;

/** Re-read often: the pause banner must reach every signed-in user within half a minute. */
const ME_REFRESH_MS = 30_000;

export function useSessionStatus(): SessionStatus {
  useSyncExternalStore(sessionStore.subscribe, sessionStore.version);
  return sessionStore.status();
}

export function useMe() {
  return useQuery({
    queryKey: ME_QUERY,
    queryFn: () => unwrap(api.GET('/api/v1/me')),
    refetchInterval: ME_REFRESH_MS,
  });
}

export function SessionProvider({ me, children }: { me: Schemas['MeDto']; children: ReactNode }) {
  const queryClient = useQueryClient();
  // The server ends the session (the refresh cookie is dead from then on), then the tab forgets it.
  const signOut = useCallback(() => {
    void api.POST('/api/v1/auth/logout', { body: {} }).finally(() => {
      sessionStore.clear();
      queryClient.clear();
    });
  }, [queryClient]);
  const value = useMemo<Session>(
    () => ({
      user: me.user,
      organization: me.organization,
      mfa: me.mfa,
      can: (permission) => me.permissions.includes(permission),
      signOut,
    }),
    [me, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
