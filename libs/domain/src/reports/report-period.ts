import { DateTime } from 'luxon';
import { InvalidInputError } from '../common/domain-error';

export const GRANULARITIES = ['day', 'week', 'month'] as const;
export type Granularity = (typeof GRANULARITIES)[number];

/** Whole days in the organization's time zone, both ends included (YYYY-MM-DD). */
export interface ReportPeriod {
  from: string;
  to: string;
  days: number;
  /** The instants the period covers, for columns kept as timestamps. */
  start: Date;
  end: Date;
}

const DEFAULT_DAYS = 30;
export const MAX_REPORT_DAYS = 3 * 366;

/** A date (YYYY-MM-DD) or date-time (ISO 8601) as a day in `zone`. */
function toDay(value: string, field: string, zone: string): DateTime {
  const parsed =
    value.length === 10 ? DateTime.fromISO(value, { zone }) : DateTime.fromISO(value).setZone(zone);
  if (!parsed.isValid)
    throw new InvalidInputError(
      field,
      `${field} must be a date (YYYY-MM-DD) or an ISO 8601 date-time`,
    );
  return parsed.startOf('day');
}

function period(first: DateTime, last: DateTime): ReportPeriod {
  return {
    from: first.toISODate()!,
    to: last.toISODate()!,
    days: Math.round(last.diff(first, 'days').days) + 1,
    start: first.toJSDate(),
    end: last.plus({ days: 1 }).toJSDate(),
  };
}

/** The requested period (default: the last 30 days up to today) in the organization's zone. */
export function reportPeriod(
  query: { from?: string; to?: string },
  zone: string,
  now = new Date(),
): ReportPeriod {
  const last = query.to
    ? toDay(query.to, 'to', zone)
    : DateTime.fromJSDate(now, { zone }).startOf('day');
  const first = query.from
    ? toDay(query.from, 'from', zone)
    : last.minus({ days: DEFAULT_DAYS - 1 });
  if (first > last) throw new InvalidInputError('from', 'from must not be after to');
  const result = period(first, last);
  if (result.days > MAX_REPORT_DAYS) {
    throw new InvalidInputError('from', `a report covers at most ${MAX_REPORT_DAYS} days`);
  }
  return result;
}

/** The period of the same length that ends the day before `current` starts. */
export function previousPeriod(current: ReportPeriod, zone: string): ReportPeriod {
  const first = DateTime.fromISO(current.from, { zone });
  return period(first.minus({ days: current.days }), first.minus({ days: 1 }));
}

const DAY_MS = 86_400_000;
const calendarDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const dayMs = (day: string) => Date.parse(`${day}T00:00:00Z`);

/** A calendar day (YYYY-MM-DD) moved by `days`; plain UTC arithmetic, as days have no zone. */
export const addDays = (day: string, days: number) => calendarDay(dayMs(day) + days * DAY_MS);

/** The start of the bucket `ms` (a day at 00:00 UTC) falls in. */
function bucketOf(ms: number, granularity: Granularity): number {
  const date = new Date(ms);
  if (granularity === 'week') return ms - ((date.getUTCDay() + 6) % 7) * DAY_MS;
  if (granularity === 'month') return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
  return ms;
}

function nextBucket(ms: number, granularity: Granularity): number {
  if (granularity === 'month') {
    const date = new Date(ms);
    return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
  }
  return ms + (granularity === 'week' ? 7 : 1) * DAY_MS;
}

/**
 * The first day of every bucket of the period (Monday-based weeks, calendar months). Plain date
 * arithmetic: a year of daily buckets is built on every report request.
 */
export function bucketStarts(current: ReportPeriod, granularity: Granularity): string[] {
  const last = dayMs(current.to);
  const starts: string[] = [];
  for (
    let ms = bucketOf(dayMs(current.from), granularity);
    ms <= last;
    ms = nextBucket(ms, granularity)
  ) {
    starts.push(calendarDay(ms));
  }
  return starts;
}
