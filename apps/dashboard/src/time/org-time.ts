import dayjs from 'dayjs';
import advancedFormat from 'dayjs/plugin/advancedFormat';
import relativeTime from 'dayjs/plugin/relativeTime';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import { useSession } from '../auth/session';

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.extend(advancedFormat);
dayjs.extend(relativeTime);

export { dayjs };

export const DATE_TIME = 'MMM D, YYYY h:mm A z';
export const DATE = 'MMM D, YYYY';
export const TIME = 'h:mm A z';

export interface OrgTime {
  zone: string;
  /** An instant from the API shown in the organization's time zone. */
  format(iso: string | Date, pattern?: string): string;
  /** The instant as a dayjs in the organization's zone. */
  at(iso?: string | Date): dayjs.Dayjs;
  /** A wall-clock date-time typed in the organization's zone, as an ISO instant. */
  toInstant(wallClock: string): string;
}

export function orgTime(zone: string): OrgTime {
  return {
    zone,
    format: (iso, pattern = DATE_TIME) => dayjs(iso).tz(zone).format(pattern),
    at: (iso) => dayjs(iso).tz(zone),
    toInstant: (wallClock) => dayjs.tz(wallClock, zone).toISOString(),
  };
}

/** Every time on screen is in the organization's zone, whatever the browser's own. */
export function useOrgTime(): OrgTime {
  return orgTime(useSession().organization.timeZone);
}
