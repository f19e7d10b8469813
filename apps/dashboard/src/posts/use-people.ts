import { useSession } from '../auth/session';
import { useUsers } from '../users/users-queries';

/** Names for user ids: administrators may list users; everyone else knows only themselves. */
export function usePeople(): (userId: string | null) => string {
  const { user, can } = useSession();
  const users = useUsers(can('users:manage'));
  return (userId) => {
    if (!userId) return 'Rounds';
    if (userId === user.id) return 'You';
    return users.data?.find((u) => u.id === userId)?.name ?? 'A colleague';
  };
}
