import type { TestingModuleBuilder } from '@nestjs/testing';
import webpush from 'web-push';
import { PUSH_AGENT } from '@rounds/domain';
import type { Session } from '../factories/identity.factory';
import { as } from '../factories/posts.factory';
import {
  browserKeys,
  type BrowserKeys,
  decryptPush,
  type DeliveredPush,
  type PushEndpoint,
  startPushEndpoint,
} from './push-endpoint';
import { type ReceivedMail, startTestSmtp, type TestSmtp } from './smtp-server';

/**
 * Where the product's notices land in a test: a push service, with browsers the test names and
 * subscribes, and an SMTP server. `env` and `overridePush` point an API or a worker at them.
 */
export interface NotificationSinks {
  endpoint: PushEndpoint;
  smtp: TestSmtp;
  /** VAPID keys and SMTP_URL. */
  env: Record<string, string>;
  overridePush(builder: TestingModuleBuilder): TestingModuleBuilder;
  /** Subscribes a browser called `name` for `who`, as the dashboard's push toggle does. */
  subscribe(apiUrl: string, name: string, who: Session): Promise<void>;
  /** What the push service took for the browser `name`, oldest first. */
  pushesTo(name: string): DeliveredPush[];
  /** A push the browser `name` received, decrypted with that browser's keys. */
  decrypt(name: string, push: DeliveredPush): string;
  /** Matches the notices e-mailed to `who` (not the invitation each user got). */
  noticeTo(who: Session): (mail: ReceivedMail) => boolean;
  close(): Promise<void>;
}

export async function startNotificationSinks(): Promise<NotificationSinks> {
  const [endpoint, smtp] = await Promise.all([startPushEndpoint(), startTestSmtp()]);
  const vapid = webpush.generateVAPIDKeys();
  const browsers: Record<string, BrowserKeys> = {};
  const pushesTo = (name: string) => endpoint.received.filter((p) => p.path === `/${name}`);
  return {
    endpoint,
    smtp,
    env: {
      VAPID_PUBLIC_KEY: vapid.publicKey,
      VAPID_PRIVATE_KEY: vapid.privateKey,
      SMTP_URL: smtp.url,
    },
    overridePush: (builder) => builder.overrideProvider(PUSH_AGENT).useValue(endpoint.agent),
    async subscribe(apiUrl, name, who) {
      browsers[name] = browserKeys();
      const { p256dh, auth } = browsers[name];
      await as(apiUrl, who)
        .post('/push/subscriptions', {
          endpoint: `${endpoint.url}/${name}`,
          keys: { p256dh, auth },
        })
        .expect(204);
    },
    pushesTo,
    decrypt: (name, push) => decryptPush(push, browsers[name]),
    noticeTo: (who) => (mail) => mail.to.includes(who.email) && mail.subject.startsWith('[Rounds]'),
    async close() {
      await Promise.all([endpoint.close(), smtp.close()]);
    },
  };
}
