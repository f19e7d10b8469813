import { DateTime } from 'luxon';
import { EntityManager } from 'typeorm';
import type { ChannelPlatform } from '../channels/channel.entity';

/** Google counts YouTube quota per Pacific day; X's daily caps are per UTC day. */
const QUOTA_ZONE: Record<ChannelPlatform, string> = { youtube: 'America/Los_Angeles', x: 'UTC' };

export interface PlatformCall {
  platform: ChannelPlatform;
  operation: string;
  requests: number;
  /** YouTube quota units; X calls cost one unit each. */
  units: number;
}

/** Adds calls to the day's counter (one row per day, platform and operation). */
export async function countUsage(
  manager: EntityManager,
  call: PlatformCall,
  at: Date,
): Promise<void> {
  if (call.requests === 0) return;
  const day = DateTime.fromJSDate(at, { zone: QUOTA_ZONE[call.platform] }).toISODate();
  await manager.query(
    `INSERT INTO platform_usage AS u (day, platform, operation, requests, units)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (day, platform, operation)
     DO UPDATE SET requests = u.requests + excluded.requests, units = u.units + excluded.units`,
    [day, call.platform, call.operation, call.requests, call.units],
  );
}
