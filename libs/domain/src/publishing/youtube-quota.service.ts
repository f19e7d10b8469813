import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '@rounds/config';
import { nextQuotaReset, YoutubeOperation } from '@rounds/platforms';
import { PlatformClients } from '../channels/platform-clients';
import { countUsage } from '../metrics/platform-usage';

const QUOTA_ZONE = 'America/Los_Angeles';

export type QuotaAnswer = { granted: true } | { granted: false; until: Date };

/**
 * The Google project's daily quota (YOUTUBE_DAILY_QUOTA), counted in `platform_usage` per Pacific
 * day with the metrics collector's calls: a call that would exceed it waits for the next day.
 */
@Injectable()
export class YoutubeQuotaService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly clients: PlatformClients,
  ) {}

  /** Counts `operation`'s units now if today's quota still has them. */
  reserve(operation: YoutubeOperation, now = new Date()): Promise<QuotaAnswer> {
    const units = this.clients.youtube.quotaCost(operation);
    return this.dataSource.transaction(async (tx) => {
      const day = youtubeQuotaDay(now);
      // Reservations of every api and worker replica take turns per quota day.
      await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
        `youtube-quota:${day}`,
      ]);
      const used = await youtubeUnitsUsed(tx, day);
      if (used + units > this.config.YOUTUBE_DAILY_QUOTA) {
        return { granted: false, until: nextQuotaReset(now) };
      }
      await countUsage(tx, [
        { call: { platform: 'youtube', operation, requests: 1, units }, at: now },
      ]);
      return { granted: true };
    });
  }

  /** Google answered quotaExceeded: count the rest of today as used, so nothing else tries. */
  async exhausted(now = new Date()): Promise<void> {
    const used = await youtubeUnitsUsed(this.dataSource.manager, youtubeQuotaDay(now));
    const rest = this.config.YOUTUBE_DAILY_QUOTA - used;
    if (rest <= 0) return;
    const call = {
      platform: 'youtube' as const,
      operation: 'quota.exceeded',
      requests: 1,
      units: rest,
    };
    await countUsage(this.dataSource.manager, [{ call, at: now }]);
  }
}

/** The Pacific day (`2030-05-01`) Google counts the quota of `at` in. */
export function youtubeQuotaDay(at: Date): string {
  return DateTime.fromJSDate(at, { zone: QUOTA_ZONE }).toISODate() ?? '';
}

/** Units counted on a quota day, by every api and worker replica (the Google project's quota). */
export async function youtubeUnitsUsed(manager: EntityManager, day: string): Promise<number> {
  const [{ used }] = await manager.query(
    `SELECT COALESCE(SUM(units), 0)::bigint AS used FROM platform_usage WHERE day = $1 AND platform = 'youtube'`,
    [day],
  );
  return Number(used);
}
