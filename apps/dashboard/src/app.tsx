import { Container, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { AccountPage } from './account/account-page';
import { ApiError } from './api/api-error';
import { AcceptInvitationPage } from './auth/accept-invitation-page';
import { ForgotPasswordPage, ResetPasswordPage } from './auth/password-reset-pages';
import { LoginPage } from './auth/login-page';
import { useEffect } from 'react';
import { refreshOnce } from './api/client';
import { SessionProvider, useMe, useSessionStatus } from './auth/session';
import { FullPageError, FullPageLoader } from './common/full-page';
import { AppLayout } from './shell/app-layout';
import { AppRoutes } from './shell/app-routes';
import { OfflineNotice } from './shell/offline-notice';
import { accessibleColors, theme } from './theme';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      // A 4xx will not change by asking again.
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
    },
  },
});

export function App() {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={accessibleColors}>
      <Notifications position="top-right" />
      <OfflineNotice />
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <Root />
        </BrowserRouter>
      </QueryClientProvider>
    </MantineProvider>
  );
}

function Root() {
  const status = useSessionStatus();
  const location = useLocation();
  // After a reload only the HttpOnly cookie remains: one refresh tells whether a session does.
  useEffect(() => {
    if (status === 'restoring') void refreshOnce();
  }, [status]);
  if (status === 'restoring') return <FullPageLoader />;
  if (status === 'signed-out') {
    return (
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/invitations/accept" element={<AcceptInvitationPage />} />
        <Route path="/forgot-password" element={<ForgotPasswordPage />} />
        <Route path="/reset-password" element={<ResetPasswordPage />} />
        <Route path="*" element={<Navigate to="/login" replace state={{ from: location }} />} />
      </Routes>
    );
  }
  return <SignedIn />;
}

function SignedIn() {
  const me = useMe();
  if (me.isPending) return <FullPageLoader />;
  if (me.isError) return <FullPageError error={me.error} onRetry={() => void me.refetch()} />;
  if (me.data.mfa.overdue) {
    // The API answers nothing else to this session until the user enrols.
    return (
      <SessionProvider me={me.data}>
        <Container size="md" py="xl">
          <AccountPage />
        </Container>
      </SessionProvider>
    );
  }
  return (
    <SessionProvider me={me.data}>
      <AppLayout>
        <AppRoutes />
      </AppLayout>
    </SessionProvider>
  );
}
