import { DateTime } from 'luxon';

/** The weekly digest goes out on Monday at this hour, in the organization's time zone. */
export const DIGEST_HOUR = 8;

export interface DigestWeek {
  /** The Monday the digest is sent on (YYYY-MM-DD, organization date): the key of its send. */
  weekStart: string;
  /** Whether Monday 08:00 of that week has passed in the zone. */
  due: boolean;
  /** The week it reports on: the Monday to Sunday before. */
  reportFrom: string;
  reportTo: string;
}

export function digestWeek(now: Date, zone: string): DigestWeek {
  const local = DateTime.fromJSDate(now, { zone });
  const monday = local.startOf('week');
  return {
    weekStart: monday.toISODate()!,
    due: local >= monday.set({ hour: DIGEST_HOUR }),
    reportFrom: monday.minus({ weeks: 1 }).toISODate()!,
    reportTo: monday.minus({ days: 1 }).toISODate()!,
  };
}
