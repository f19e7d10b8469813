import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig } from '@rounds/config';
import type { Agent } from 'node:https';
import { DataSource, In } from 'typeorm';
import webpush, { WebPushError } from 'web-push';
import { Actor } from '../identity/actor';
import type { PushMessage } from './push-message';
import { PushSubscriptionEntity } from './push-subscription.entity';

/** An https.Agent for the push services (tests trust their local one with it); none in production. */
export const PUSH_AGENT = Symbol('PUSH_AGENT');

export interface PushSubscriptionInput {
  endpoint: string;
  p256dh: string;
  auth: string;
}

/** How long a push service keeps trying a device that is off (seconds). */
const TIME_TO_LIVE = 24 * 3600;

/** Web Push (VAPID) to the browsers users turned it on in; off while the VAPID keys are unset. */
@Injectable()
export class PushService {
  private readonly logger = new Logger(PushService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    @Optional() @Inject(PUSH_AGENT) private readonly agent: Agent | null = null,
  ) {}

  get enabled(): boolean {
    return Boolean(this.config.VAPID_PUBLIC_KEY && this.config.VAPID_PRIVATE_KEY);
  }

  get publicKey(): string | null {
    return this.enabled ? this.config.VAPID_PUBLIC_KEY! : null;
  }

  /** Registers the browser for the actor; an endpoint that belonged to someone else moves over. */
  async subscribe(actor: Actor, input: PushSubscriptionInput): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(PushSubscriptionEntity)
      .values({ organizationId: actor.organizationId, userId: actor.userId, ...input })
      .orUpdate(['organization_id', 'user_id', 'p256dh', 'auth'], ['endpoint'])
      .execute();
  }

  async unsubscribe(actor: Actor, endpoint: string): Promise<void> {
    await this.dataSource.getRepository(PushSubscriptionEntity).delete({
      organizationId: actor.organizationId,
      userId: actor.userId,
      endpoint,
    });
  }

  /**
   * Pushes to every browser of the users; a subscription the push service no longer knows goes.
   * Answers the users at least one of whose browsers took the push.
   */
  async send(
    organizationId: string,
    userIds: string[],
    message: PushMessage,
  ): Promise<Set<string>> {
    const reached = new Set<string>();
    if (!this.enabled || userIds.length === 0) return reached;
    const repo = this.dataSource.getRepository(PushSubscriptionEntity);
    const subscriptions = await repo.findBy({ organizationId, userId: In(userIds) });
    const payload = JSON.stringify(message);
    for (const subscription of subscriptions) {
      try {
        await webpush.sendNotification(
          {
            endpoint: subscription.endpoint,
            keys: { p256dh: subscription.p256dh, auth: subscription.auth },
          },
          payload,
          {
            vapidDetails: {
              subject: this.config.VAPID_SUBJECT,
              publicKey: this.config.VAPID_PUBLIC_KEY!,
              privateKey: this.config.VAPID_PRIVATE_KEY!,
            },
            TTL: TIME_TO_LIVE,
            urgency: 'high',
            ...(this.agent ? { agent: this.agent } : {}),
          },
        );
        reached.add(subscription.userId);
      } catch (err) {
        if (err instanceof WebPushError && [404, 410].includes(err.statusCode)) {
          await repo.delete({ id: subscription.id });
        } else {
          this.logger.warn({ err, kind: message.kind }, 'push failed');
        }
      }
    }
    return reached;
  }
}
