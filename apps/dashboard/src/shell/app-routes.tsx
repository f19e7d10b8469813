import { Center, Loader } from '@mantine/core';
import { Suspense } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { AccountPage } from '../account/account-page';
import { useSession } from '../auth/session';
import { NotFoundPage } from './not-found-page';
import { SCREENS } from './screens';

export function useVisibleScreens() {
  const { can } = useSession();
  return SCREENS.filter((screen) => can(screen.permission));
}

export function AppRoutes() {
  const screens = useVisibleScreens();
  const location = useLocation();
  const from = (location.state as { from?: Location } | null)?.from;
  // Every role may read content, so every role starts on the calendar.
  const home = screens[0].path;
  return (
    <Suspense
      fallback={
        <Center py={80}>
          <Loader aria-label="Loading" />
        </Center>
      }
    >
      <Routes>
        {screens.map((screen) => (
          <Route key={screen.path} path={screen.path} element={<screen.page />} />
        ))}
        <Route path="/account" element={<AccountPage />} />
        <Route path="/" element={<Navigate to={home} replace />} />
        <Route path="/login" element={<Navigate to={from?.pathname ?? home} replace />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Suspense>
  );
}
