import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppConfig } from '@rounds/config';
import type { PublicationEntity } from '../posts/publication.entity';

/** A claim the database stamps with its own clock (TypeORM writes a function as raw SQL). */
const DATABASE_NOW = (() => 'now()') as unknown as Date;

export type StaleClaim = Pick<
  PublicationEntity,
  'id' | 'organizationId' | 'postId' | 'platform'
> & {
  /** The latest its dead holder may have started a send: its last heartbeat plus half the TTL. */
  lastSendBy: Date;
};

/**
 * This worker's `publishing` claims and their heartbeat. Every claim names its worker and carries
 * `heartbeat_at`; the worker renews all the claims it is running in one statement every
 * `CLAIM_TTL_MS / 6`. A claim not renewed for `CLAIM_TTL_MS` belongs to a worker that died or lost
 * the database, and the first worker that sees it takes it over (`FOR UPDATE SKIP LOCKED`) for the
 * in-doubt check. A worker sends nothing under a claim it could not renew for half the TTL, so a
 * claim is never taken over while its holder may still be sending.
 */
@Injectable()
export class PublicationClaims {
  readonly workerId = randomUUID();
  readonly ttlMs: number;
  private readonly running = new Set<string>();
  private renewedAt = Date.now();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    config: AppConfig,
  ) {
    this.ttlMs = config.CLAIM_TTL_MS;
  }

  /** The columns a claim writes with `-> publishing`. */
  stamp(): Pick<PublicationEntity, 'claimedBy' | 'heartbeatAt'> {
    return { claimedBy: this.workerId, heartbeatAt: DATABASE_NOW };
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
    }[] = await this.dataSource.query(
      // A SELECT on top: TypeORM answers a bare UPDATE … RETURNING with [rows, count].
      `WITH stale AS (
           SELECT id, heartbeat_at FROM publications
            WHERE status = 'publishing'
              AND (heartbeat_at IS NULL OR heartbeat_at < now() - $2 * interval '1 millisecond')
              AND id <> ALL($3::uuid[])
            ORDER BY heartbeat_at NULLS FIRST LIMIT $4
            FOR UPDATE SKIP LOCKED
         ), taken AS (
           UPDATE publications p SET claimed_by = $1, heartbeat_at = now()
             FROM stale WHERE p.id = stale.id
           RETURNING p.id, p.organization_id, p.post_id, p.platform, stale.heartbeat_at AS last_heartbeat
         )
         SELECT * FROM taken`,
      [this.workerId, this.ttlMs, [...this.running], limit],
    );
    return rows.map((r) => ({
      id: r.id,
      organizationId: r.organization_id,
      postId: r.post_id,
      platform: r.platform as StaleClaim['platform'],
      lastSendBy: new Date((r.last_heartbeat?.getTime() ?? 0) + this.ttlMs / 2),
    }));
  }
}
