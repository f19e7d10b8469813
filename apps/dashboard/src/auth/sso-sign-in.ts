import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { publicApi, unwrap } from '../api/client';
import { sessionStore } from '../api/session-store';

/** "Sign in with SSO": finds the organization's provider by the e-mail's domain and goes there. */
export function useSsoStart() {
  return useMutation({
    mutationFn: (email: string) =>
      unwrap(publicApi.POST('/api/v1/auth/sso/start', { body: { email } })),
    onSuccess: ({ authorizeUrl }) => window.location.assign(authorizeUrl),
  });
}

/**
 * Back from the provider: /login?sso=<code> is traded for a session, /login?ssoError=<reason>
 * is shown. Either way the query leaves the address bar.
 */
export function useSsoReturn(): { error: string | null; pending: boolean } {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [error, setError] = useState(params.get('ssoError'));
  const code = params.get('sso');
  const [pending, setPending] = useState(Boolean(code));
  useEffect(() => {
    if (!code && !params.get('ssoError')) return;
    navigate('/login', { replace: true });
    if (!code) return;
    void unwrap(publicApi.POST('/api/v1/auth/sso/token', { body: { code, session: 'cookie' } }))
      .then((tokens) => sessionStore.store(tokens.accessToken))
      .catch((e: Error) => setError(e.message))
      .finally(() => setPending(false));
  }, []); // once, with the code the provider sent
  return { error, pending };
}
