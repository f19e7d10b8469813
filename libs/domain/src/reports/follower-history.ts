import { addDays, type ReportPeriod } from './report-period';

export interface AudienceReading {
  channelId: string;
  /** YYYY-MM-DD; readings before the range come with the earliest possible day. */
  day: string;
  followers: number;
}

/** Follower counts per channel, forward-filled between the daily readings. */
export class FollowerHistory {
  private readonly byChannel = new Map<string, AudienceReading[]>();

  /** `readings` in day order per channel (the baseline before the range first). */
  constructor(readings: AudienceReading[]) {
    for (const r of readings) {
      const list = this.byChannel.get(r.channelId);
      if (list) list.push(r);
      else this.byChannel.set(r.channelId, [r]);
    }
  }

  /** The last count read on or before `day` (binary search: series ask once per bucket). */
  at(channelId: string, day: string): number | undefined {
    const readings = this.byChannel.get(channelId) ?? [];
    let low = 0;
    let high = readings.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (readings[mid].day <= day) low = mid + 1;
      else high = mid;
    }
    return low === 0 ? undefined : readings[low - 1].followers;
  }

  /** Summed over channels: the counts at the end of `day`. */
  total(channelIds: string[], day: string): number {
    return channelIds.reduce((sum, id) => sum + (this.at(id, day) ?? 0), 0);
  }

  /**
   * Growth over the period: the count at its end minus the one at the end of the day before
   * (or, for a channel first read during the period, its first reading).
   */
  growth(channelId: string, period: ReportPeriod): number {
    const end = this.at(channelId, period.to);
    if (end === undefined) return 0;
    const before = addDays(period.from, -1);
    const start =
      this.at(channelId, before) ??
      this.byChannel.get(channelId)!.find((r) => r.day >= period.from)!.followers;
    return end - start;
  }
}
