import { DateTime } from 'luxon';
import { InvalidInputError } from '../common/domain-error';

// An explicit offset or Z after the time part; without one the time is local to the organization.
const HAS_OFFSET = /[T\s][\d:.,]+(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;

/** A future instant from an ISO 8601 time, read in `timeZone` unless it carries an offset. */
export function parseScheduledAt(
  value: string,
  timeZone: string,
  now: Date,
  field = 'scheduledAt',
): Date {
  const trimmed = value.trim();
  const parsed = HAS_OFFSET.test(trimmed)
    ? DateTime.fromISO(trimmed, { setZone: true })
    : DateTime.fromISO(trimmed, { zone: timeZone });
  if (!parsed.isValid) {
    throw new InvalidInputError(
      field,
      `${field} must be an ISO 8601 date-time, e.g. 2030-05-01T09:30 (read in ${timeZone}) or 2030-05-01T14:30Z`,
    );
  }
  const at = parsed.toJSDate();
  if (at.getTime() <= now.getTime()) {
    throw new InvalidInputError(
      field,
      `${field} must be in the future (${localTime(at, timeZone)} has passed)`,
    );
  }
  return at;
}

/** The instant as an ISO 8601 time with the organization's offset, for people to read. */
export function localTime(at: Date, timeZone: string): string {
  return DateTime.fromJSDate(at, { zone: timeZone }).toISO({ suppressMilliseconds: true }) ?? '';
}
