import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppConfig } from '@rounds/config';
import { whileDatabaseDown } from '../common/database-availability';
import { MicroBatcher } from '../common/micro-batcher';
import type { PublicationEntity } from '../posts/publication.entity';

/**
 * A create call starts within this of the moment its announcement was asked for, or the send is
 * announced again: so a dead worker's announced request left no later than `sending_at` plus this.
 */
export const SEND_START_WINDOW_MS = 2_000;
const ANNOUNCE_TRIES = 3;

/** A claim the database stamps with its own clock (TypeORM writes a function as raw SQL). */
const DATABASE_NOW = (() => 'now()') as unknown as Date;

export type StaleClaim = Pick<
  PublicationEntity,
  'id' | 'organizationId' | 'postId' | 'platform'
> & {
  /**
   * From when a lookup that finds nothing proves the post absent: at once when its dead holder
   * announced no create call under the claim, else its last possible send (the announcement plus
   * the send's start window, or the last heartbeat plus half the TTL if sooner) plus one create
   * timeout.
   */
  outOfFlightAt: Date;
};

/**
 * This worker's `publishing` claims and their heartbeat. Every claim names its worker and carries
 * `heartbeat_at`; the worker renews all the claims it is running in one statement every
 * `CLAIM_TTL_MS / 6`. A claim not renewed for `CLAIM_TTL_MS` belongs to a worker that died or lost
 * the database, and the first worker that sees it takes it over (`FOR UPDATE SKIP LOCKED`) for the
 * in-doubt check. A worker sends nothing under a claim it could not renew for half the TTL, so a
 * claim is never taken over while its holder may still be sending. Before its create call a
 * worker announces it (`sending_at`), fenced by the claim, so a claim taken over unannounced was
 * provably never sent under.
 */
@Injectable()
export class PublicationClaims {
  readonly workerId = randomUUID();
  readonly ttlMs: number;
  /** How long a create call may still land after it was made: one create timeout. */
  private readonly inFlightMs: number;
  private readonly running = new Set<string>();
  private renewedAt = Date.now();
  private readonly announcements = new MicroBatcher((ids: string[]) => this.announceAll(ids));

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    config: AppConfig,
  ) {
    this.ttlMs = config.CLAIM_TTL_MS;
    this.inFlightMs = config.PLATFORM_CREATE_TIMEOUT_MS;
  }

  /** The columns a claim writes with `-> publishing`: nothing announced under it yet. */
  stamp(): Pick<PublicationEntity, 'claimedBy' | 'heartbeatAt' | 'sendingAt'> {
    return { claimedBy: this.workerId, heartbeatAt: DATABASE_NOW, sendingAt: null };
  }

  /** Runs `work` with the publication's claim renewed by the heartbeat until it settles. */
  async holding<T>(publicationId: string, work: () => Promise<T>): Promise<T> {
    this.running.add(publicationId);
    try {
      return await work();
    } finally {
      this.running.delete(publicationId);
    }
  }

  /** Whether a claim made at `claimedAt` is still surely ours to send under. */
  fresh(claimedAt: number, now = Date.now()): boolean {
    return now - Math.max(claimedAt, this.renewedAt) < this.ttlMs / 2;
  }

  /**
   * Announces the create call about to be made under this worker's claim (the announcements of the
   * moment share one statement); false when the claim is no longer ours, and then nothing may be
   * sent. A restarting database is waited for while the claim may still be sent under. The call
   * must start at once: an announcement that took longer than `SEND_START_WINDOW_MS` is made
   * again, so `sending_at` bounds when the request left.
   */
  async announceSend(publicationId: string): Promise<boolean> {
    for (let tries = 0; tries < ANNOUNCE_TRIES; tries++) {
      const askedAt = Date.now();
      const announced = await whileDatabaseDown(
        () => this.announcements.add(publicationId),
        this.ttlMs / 2,
      );
      if (!announced || Date.now() - askedAt <= SEND_START_WINDOW_MS) return announced;
    }
    throw new Error('the send could not be announced in time; nothing was sent');
  }

  /** One statement for every claim this worker is running. */
  async renew(): Promise<void> {
    const startedAt = Date.now();
    if (this.running.size > 0) {
      await this.dataSource.query(
        `UPDATE publications SET heartbeat_at = now()
          WHERE claimed_by = $1 AND status = 'publishing' AND id = ANY($2::uuid[])`,
        [this.workerId, [...this.running]],
      );
    }
    this.renewedAt = startedAt;
  }

  /** Takes over claims whose holder stopped renewing them; each goes to the in-doubt check. */
  async takeStale(limit: number): Promise<StaleClaim[]> {
    const rows: {
      id: string;
      organization_id: string;
      post_id: string;
      platform: string;
      last_heartbeat: Date | null;
      sending_at: Date | null;
    }[] = await this.dataSource.query(
      // A SELECT on top: TypeORM answers a bare UPDATE … RETURNING with [rows, count].
      `WITH stale AS (
           SELECT id, heartbeat_at, sending_at FROM publications
            WHERE status = 'publishing'
              AND (heartbeat_at IS NULL OR heartbeat_at < now() - $2 * interval '1 millisecond')
              AND id <> ALL($3::uuid[])
            ORDER BY heartbeat_at NULLS FIRST LIMIT $4
            FOR UPDATE SKIP LOCKED
         ), taken AS (
           UPDATE publications p SET claimed_by = $1, heartbeat_at = now()
             FROM stale WHERE p.id = stale.id
           RETURNING p.id, p.organization_id, p.post_id, p.platform,
                     stale.heartbeat_at AS last_heartbeat, stale.sending_at
         )
         SELECT * FROM taken`,
      [this.workerId, this.ttlMs, [...this.running], limit],
    );
    const now = new Date();
    return rows.map((r) => ({
      id: r.id,
      organizationId: r.organization_id,
      postId: r.post_id,
      platform: r.platform as StaleClaim['platform'],
      outOfFlightAt: r.sending_at ? this.outOfFlight(r.sending_at, r.last_heartbeat) : now,
    }));
  }

  /** When an announced send of a dead holder can no longer land: its latest start + a create timeout. */
  private outOfFlight(sendingAt: Date, lastHeartbeat: Date | null): Date {
    const latestStart = Math.min(
      sendingAt.getTime() + SEND_START_WINDOW_MS,
      (lastHeartbeat?.getTime() ?? Infinity) + this.ttlMs / 2,
    );
    return new Date(latestStart + this.inFlightMs);
  }

  /** Sets `sending_at` on those of `ids` still claimed by this worker; which ones it could. */
  private async announceAll(ids: string[]): Promise<boolean[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `WITH announced AS (
         UPDATE publications SET sending_at = now()
          WHERE claimed_by = $1 AND status = 'publishing' AND id = ANY($2::uuid[])
         RETURNING id
       )
       SELECT id FROM announced`,
      [this.workerId, ids],
    );
    const ours = new Set(rows.map((r) => r.id));
    return ids.map((id) => ours.has(id));
  }
}
