import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, Not } from 'typeorm';
import { AuditAction } from '../audit/audit-action';
import { AuditService } from '../audit/audit.service';
import { NotFoundError } from '../common/domain-error';
import { Actor } from '../identity/actor';
import { Role } from '../identity/role';
import { NotificationsService } from '../notifications/notifications.service';
import { PostScheduler } from '../posts/post-scheduler.service';
import { PostStatus } from '../lifecycle/statuses';
import { lockPost } from '../posts/post-store';
import { PublicationEntity } from '../posts/publication.entity';
import { ChannelEntity, ChannelStatus } from './channel.entity';

/** The organization's channels; taking one out of service holds what it would publish. */
@Injectable()
export class ChannelsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly posts: PostScheduler,
  ) {}

  list(organizationId: string, includeDisconnected = false): Promise<ChannelEntity[]> {
    return this.dataSource.getRepository(ChannelEntity).find({
      where: { organizationId, ...(includeDisconnected ? {} : { status: Not('disconnected') }) },
      order: { platform: 'ASC', displayName: 'ASC', id: 'ASC' },
    });
  }

  async find(manager: EntityManager, organizationId: string, id: string, lock = false) {
    const channel = await manager.findOne(ChannelEntity, {
      where: { organizationId, id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!channel) throw new NotFoundError('channel');
    return channel;
  }

  /** An admin disconnects the channel: its tokens are erased and its scheduled posts held. */
  disconnect(actor: Actor, id: string): Promise<ChannelEntity> {
    return this.dataSource.transaction(async (tx) => {
      const channel = await this.find(tx, actor.organizationId, id, true);
      if (channel.status === 'disconnected') return channel;
      await this.retire(tx, channel, 'disconnected', 'disconnected by an admin', actor.userId);
      return channel;
    });
  }

  /**
   * The platform refused the channel's tokens and a refresh: it needs re-authorization, its
   * scheduled posts are held and its admins are told. In the caller's transaction, row locked.
   */
  async markNeedsReauth(tx: EntityManager, channel: ChannelEntity, reason: string): Promise<void> {
    if (channel.status !== 'connected') return;
    await this.retire(tx, channel, 'needs_reauth', reason, null);
    await this.notifications.notify(tx, {
      organizationId: channel.organizationId,
      kind: 'channel_needs_reauth',
      subjectId: channel.id,
      title: `Reconnect ${channel.handle}`,
      body: `${channel.displayName} (${channel.platform}) stopped accepting Rounds' access: ${reason}. Its scheduled posts are held until it is connected again and they are released.`,
      toRoles: [Role.Admin],
    });
  }

  private async retire(
    tx: EntityManager,
    channel: ChannelEntity,
    status: Exclude<ChannelStatus, 'connected'>,
    reason: string,
    actorId: string | null,
  ): Promise<void> {
    const from = channel.status;
    const changes = { status, statusReason: reason, rateLimitedUntil: null };
    const erase =
      status === 'disconnected'
        ? { encryptedAccessToken: null, encryptedRefreshToken: null, tokenExpiresAt: null }
        : {};
    await tx.update(
      ChannelEntity,
      { id: channel.id, organizationId: channel.organizationId },
      { ...changes, ...erase },
    );
    Object.assign(channel, changes, erase);
    const heldPostIds = await this.holdScheduledPosts(tx, channel, reason, actorId);
    await this.audit.record(tx, {
      organizationId: channel.organizationId,
      actorId,
      action:
        status === 'disconnected'
          ? AuditAction.ChannelDisconnected
          : AuditAction.ChannelNeedsReauth,
      subjectType: 'channel',
      subjectId: channel.id,
      data: {
        platform: channel.platform,
        handle: channel.handle,
        from,
        to: status,
        reason,
        heldPostIds,
      },
    });
  }

  /** Posts that would publish to the channel wait, whole, for a release once it is back. */
  private async holdScheduledPosts(
    tx: EntityManager,
    channel: ChannelEntity,
    reason: string,
    actorId: string | null,
  ): Promise<string[]> {
    const publications = await tx.find(PublicationEntity, {
      where: {
        organizationId: channel.organizationId,
        channelId: channel.id,
        status: PostStatus.Scheduled,
      },
      select: { postId: true },
    });
    const held: string[] = [];
    // In id order, as the publisher locks posts, so the two never wait on each other in a circle.
    for (const postId of [...new Set(publications.map((p) => p.postId))].sort()) {
      const post = await lockPost(tx, channel.organizationId, postId);
      if (![PostStatus.Scheduled, PostStatus.Publishing].includes(post.status)) continue;
      await this.posts.hold(tx, post, {
        actorId,
        action: AuditAction.PostHeld,
        notice: 'post_held',
        data: { reason: `channel ${channel.handle}: ${reason}`, channelId: channel.id },
      });
      held.push(postId);
    }
    return held;
  }
}
