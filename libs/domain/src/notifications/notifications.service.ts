import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig } from '@rounds/config';
import { Brackets, DataSource, EntityManager, IsNull } from 'typeorm';
import { NotFoundError } from '../common/domain-error';
import { Actor } from '../identity/actor';
import { Role } from '../identity/role';
import { UserEntity } from '../identity/user.entity';
import { MailerService } from '../mail/mailer.service';
import { PushService } from '../push/push.service';
import { AfterCommit } from './after-commit';
import { notificationPath } from './notification-link';
import { MAILED_EVEN_WITH_PUSH, type NotificationKind } from './notification-kind';
import { NotificationEntity } from './notification.entity';

export interface NotificationRequest {
  organizationId: string;
  kind: NotificationKind;
  /** The post, reply or channel the notification is about. */
  subjectId: string;
  title: string;
  body: string;
  toRoles?: Role[];
  toUserIds?: string[];
}

const MAX_PAGE = 200;

@Injectable()
export class NotificationsService {
  private readonly logger = new Logger(NotificationsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly afterCommit: AfterCommit,
    private readonly mailer: MailerService,
    private readonly push: PushService,
    private readonly config: AppConfig,
  ) {}

  /**
   * Writes one notification per active recipient in the caller's transaction; after commit pushes
   * to their browsers (ids and the title only), then mails those no push reached (everyone, for a
   * safety message or an escalation), both linking to the same page.
   */
  async notify(manager: EntityManager, n: NotificationRequest): Promise<void> {
    const recipients = await this.recipients(manager, n);
    if (recipients.length === 0) return;
    await manager.insert(
      NotificationEntity,
      recipients.map((user) => ({
        organizationId: n.organizationId,
        userId: user.id,
        kind: n.kind,
        subjectId: n.subjectId,
        title: n.title,
        body: n.body,
        readAt: null,
      })),
    );
    const url = notificationPath(n.kind, n.subjectId);
    this.afterCommit.schedule(manager, () => {
      this.deliver(recipients, n, url).catch((err: unknown) =>
        this.logger.warn({ err, kind: n.kind }, 'notification delivery failed'),
      );
    });
  }

  list(actor: Actor, options: { unreadOnly?: boolean; limit?: number } = {}) {
    return this.dataSource.getRepository(NotificationEntity).find({
      where: {
        organizationId: actor.organizationId,
        userId: actor.userId,
        ...(options.unreadOnly ? { readAt: IsNull() } : {}),
      },
      order: { createdAt: 'DESC', id: 'DESC' },
      take: Math.min(options.limit ?? 50, MAX_PAGE),
    });
  }

  unreadCount(actor: Actor): Promise<number> {
    return this.dataSource.getRepository(NotificationEntity).countBy({
      organizationId: actor.organizationId,
      userId: actor.userId,
      readAt: IsNull(),
    });
  }

  /** Marks one of the actor's own notifications read; anyone else's is a 404. */
  async markRead(actor: Actor, id: string): Promise<NotificationEntity> {
    const repo = this.dataSource.getRepository(NotificationEntity);
    const mine = { id, organizationId: actor.organizationId, userId: actor.userId };
    const notification = await repo.findOneBy(mine);
    if (!notification) throw new NotFoundError('notification');
    if (!notification.readAt) {
      notification.readAt = new Date();
      await repo.update({ ...mine, readAt: IsNull() }, { readAt: notification.readAt });
    }
    return notification;
  }

  async markAllRead(actor: Actor): Promise<{ marked: number }> {
    const result = await this.dataSource
      .getRepository(NotificationEntity)
      .update(
        { organizationId: actor.organizationId, userId: actor.userId, readAt: IsNull() },
        { readAt: new Date() },
      );
    return { marked: result.affected ?? 0 };
  }

  private recipients(manager: EntityManager, n: NotificationRequest) {
    const roles = n.toRoles ?? [];
    const userIds = n.toUserIds ?? [];
    if (roles.length === 0 && userIds.length === 0) return Promise.resolve([]);
    return manager
      .createQueryBuilder(UserEntity, 'u')
      .select(['u.id', 'u.email', 'u.name'])
      .where('u.organization_id = :organizationId', { organizationId: n.organizationId })
      .andWhere('u.disabled_at IS NULL')
      .andWhere(
        new Brackets((either) => {
          if (roles.length > 0) either.orWhere('u.role IN (:...roles)', { roles });
          if (userIds.length > 0) either.orWhere('u.id IN (:...userIds)', { userIds });
        }),
      )
      .getMany();
  }

  /** A safety message's or an escalation's e-mails never wait on a slow push service. */
  private async deliver(recipients: UserEntity[], n: NotificationRequest, url: string) {
    const userIds = recipients.map((user) => user.id);
    const message = { title: n.title, kind: n.kind, subjectId: n.subjectId, url };
    const pushed = this.push
      .send(n.organizationId, userIds, message)
      .catch((err: unknown): Set<string> => {
        this.logger.warn({ err, kind: n.kind }, 'notification push failed');
        return new Set();
      });
    if (!this.mailer.enabled) return;
    if (MAILED_EVEN_WITH_PUSH.includes(n.kind)) return this.mail(recipients, n, url);
    const reached = await pushed;
    await this.mail(
      recipients.filter((user) => !reached.has(user.id)),
      n,
      url,
    );
  }

  /** The e-mail opens the same page as the push (the review page for a post to review). */
  private async mail(
    recipients: UserEntity[],
    n: NotificationRequest,
    path: string,
  ): Promise<void> {
    const text = `${n.body}\n\nOpen in Rounds: ${this.config.PUBLIC_URL}${path}`;
    for (const user of recipients) {
      await this.mailer.send({ to: [user.email], subject: `[Rounds] ${n.title}`, text });
    }
  }
}
