/// <reference lib="webworker" />
// The dashboard's service worker: the app shell offline, and Web Push. API answers never enter a
// cache: no route is registered for them, so they always go to the network.
import { clientsClaim } from 'workbox-core';
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precacheAndRoute,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';

declare const self: ServiceWorkerGlobalScope;

/** What the API's pushes carry: ids, a neutral title and the page to open, never a post's words. */
interface PushMessage {
  title: string;
  kind: string;
  subjectId: string;
  url: string;
}

void self.skipWaiting();
clientsClaim();
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
// Client-side routes open the cached shell (which says when it is offline); server paths do not.
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('/index.html'), {
    denylist: [/^\/(api|health|metrics|admin)(\/|$)/],
  }),
);

// The payload holds ids and a neutral title only: lock screens are public.
self.addEventListener('push', (event) => {
  const message = event.data?.json() as PushMessage | undefined;
  if (!message) return;
  event.waitUntil(
    self.registration.showNotification(message.title, {
      tag: message.subjectId,
      data: { url: message.url },
    }),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const { url } = event.notification.data as { url: string };
  event.waitUntil(openPage(url));
});

/** Focuses an open dashboard tab on the page, or opens one. */
async function openPage(url: string): Promise<void> {
  const tabs = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const tab = tabs.find((client) => new URL(client.url).origin === self.location.origin);
  if (tab) {
    await tab.focus();
    await tab.navigate(url);
    return;
  }
  await self.clients.openWindow(url);
}
