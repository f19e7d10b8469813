import { publicApi, unwrap } from '../api/client';
import { LinkPasswordPage } from './link-password-page';

/** The invitation link's page: the new person sets their own password. */
export function AcceptInvitationPage() {
  return (
    <LinkPasswordPage
      title="Set your password"
      setPassword={async (token, password) => {
        const session = await unwrap(
          publicApi.POST('/api/v1/auth/invitations/accept', { body: { token, password } }),
        );
        // The dashboard signs in with its cookie session; the token session of the answer ends.
        await publicApi.POST('/api/v1/auth/logout', {
          body: { refreshToken: session.refreshToken },
        });
        return session.user;
      }}
      done={(user) => `Your password is set, ${user.name}.`}
    />
  );
}
