import { Alert, Anchor } from '@mantine/core';
import { IconShieldLock } from '@tabler/icons-react';
import { Link, useLocation } from 'react-router-dom';
import { useSession } from '../auth/session';
import { DATE, dayjs } from '../time/org-time';

/** During the grace period: the organization requires MFA and this user has not enrolled yet. */
export function MfaBanner() {
  const { mfa } = useSession();
  const { pathname } = useLocation();
  if (!mfa.required || mfa.enrolled || pathname === '/account') return null;
  return (
    <Alert
      color="yellow"
      icon={<IconShieldLock />}
      title="Set up two-step verification"
      role="status"
    >
      Your organization requires it for your role. Set it up by {dayjs(mfa.enrolBy).format(DATE)} on{' '}
      <Anchor component={Link} to="/account">
        your account page
      </Anchor>
      .
    </Alert>
  );
}
