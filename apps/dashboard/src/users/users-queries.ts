import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';

export const USERS_QUERY = ['users'] as const;

export function useUsers(enabled = true) {
  return useQuery({
    queryKey: USERS_QUERY,
    queryFn: () => unwrap(api.GET('/api/v1/users')),
    enabled,
  });
}
