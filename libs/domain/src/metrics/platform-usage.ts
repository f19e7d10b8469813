import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource, EntityManager } from 'typeorm';
import type { ChannelPlatform } from '../channels/channel.entity';
import { MicroBatcher } from '../common/micro-batcher';

/** Google counts YouTube quota per Pacific day; X's daily caps are per UTC day. */
const QUOTA_ZONE: Record<ChannelPlatform, string> = { youtube: 'America/Los_Angeles', x: 'UTC' };

export interface PlatformCall {
  platform: ChannelPlatform;
  operation: string;
  requests: number;
  /** YouTube quota units; X calls cost one unit each. */
  units: number;
}

/**
 * Adds calls to their day's counters (one row per day, platform and operation), summed per row
 * and in one fixed row order, in one statement.
 */
export async function countUsage(
  manager: EntityManager,
  calls: { call: PlatformCall; at: Date }[],
): Promise<void> {
  const rows = new Map<string, PlatformCall & { day: string }>();
  for (const { call, at } of calls) {
    const day = DateTime.fromJSDate(at, { zone: QUOTA_ZONE[call.platform] }).toISODate()!;
    const key = `${day}|${call.platform}|${call.operation}`;
    const row = rows.get(key) ?? { ...call, day, requests: 0, units: 0 };
    row.requests += call.requests;
    row.units += call.units;
    rows.set(key, row);
  }
  const sorted = [...rows.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, r]) => r);
  if (sorted.length === 0) return;
  await manager.query(
    `INSERT INTO platform_usage AS u (day, platform, operation, requests, units)
     SELECT * FROM unnest($1::date[], $2::text[], $3::text[], $4::bigint[], $5::bigint[])
     ON CONFLICT (day, platform, operation)
     DO UPDATE SET requests = u.requests + excluded.requests, units = u.units + excluded.units`,
    [
      sorted.map((r) => r.day),
      sorted.map((r) => r.platform),
      sorted.map((r) => r.operation),
      sorted.map((r) => r.requests),
      sorted.map((r) => r.units),
    ],
  );
}

/**
 * Counts platform calls. Every job of every replica adds to the same few rows of the day, so calls
 * made while a count is being written share the next statement instead of queueing one by one on
 * the row's lock; each caller still returns once its call is committed.
 */
@Injectable()
export class UsageCounter {
  private readonly pending = new MicroBatcher(async (calls: { call: PlatformCall; at: Date }[]) => {
    await countUsage(this.dataSource.manager, calls);
    return calls.map(() => undefined);
  });

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async count(call: PlatformCall, at = new Date()): Promise<void> {
    if (call.requests > 0) await this.pending.add({ call, at });
  }
}
