import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JobName, JobProducer } from '@rounds/queue';
import { ChannelEntity, ChannelPlatform } from '../channels/channel.entity';
import { ConversationRepository } from './conversation.repository';
import { RepliesService } from './replies.service';

/** How often the sweep runs; X mentions are pulled at every run. */
export const PULL_INTERVAL_MS = 10 * 60_000;
/**
 * Runs between two pulls of a YouTube channel's comments: each video read costs quota units of
 * the one Google project every organization shares.
 */
export const PULL_EVERY: Record<ChannelPlatform, number> = { x: 1, youtube: 6 };
/** A reply approved or `sending` untouched this long lost its job (or its attempts): queued again. */
const STALE_APPROVAL_MS = 15 * 60_000;

/** Every few minutes: a pull job per connected channel, and approved replies that lost their job. */
@Injectable()
export class ConversationsSweep {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly producer: JobProducer,
    private readonly replies: RepliesService,
    private readonly conversations: ConversationRepository,
  ) {}

  async sweep(now = new Date()): Promise<{ pulls: number; requeued: number }> {
    const channels = await this.dataSource.getRepository(ChannelEntity).find({
      where: { status: 'connected' },
      select: { id: true, organizationId: true, platform: true },
    });
    const slot = Math.floor(now.getTime() / PULL_INTERVAL_MS);
    const due = channels.filter((c) => slot % PULL_EVERY[c.platform] === 0);
    await this.producer.enqueueBulk(
      JobName.PullConversations,
      due.map((c) => ({
        data: { organizationId: c.organizationId, channelId: c.id },
        opts: {
          jobId: `conversations-${c.id}-${slot}`,
          attempts: 3,
          backoff: { type: 'exponential', delay: 30_000 },
        },
      })),
    );
    const stale = await this.conversations.staleUnsent(new Date(now.getTime() - STALE_APPROVAL_MS));
    // A new id per state change: the first job's id may still be kept as completed or failed.
    for (const reply of stale)
      await this.replies.enqueueSend(reply, `-${reply.updatedAt.getTime()}`);
    return { pulls: due.length, requeued: stale.length };
  }
}
