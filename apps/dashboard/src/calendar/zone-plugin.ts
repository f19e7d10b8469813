import { createPlugin } from '@fullcalendar/core';
import { NamedTimeZoneImpl } from '@fullcalendar/core/internal';
import { dayjs } from '../time/org-time';

/** FullCalendar's named time zones through dayjs, which the rest of the app uses for zones. */
class DayjsNamedTimeZone extends NamedTimeZoneImpl {
  /** Minutes east of UTC at a wall-clock time [y, m0, d, h, min, s, ms] in the zone. */
  offsetForArray(a: number[]): number {
    const wallClock = dayjs.utc(
      Date.UTC(a[0], a[1] ?? 0, a[2] ?? 1, a[3] ?? 0, a[4] ?? 0, a[5] ?? 0, a[6] ?? 0),
    );
    return dayjs.tz(wallClock.format('YYYY-MM-DDTHH:mm:ss.SSS'), this.timeZoneName).utcOffset();
  }

  timestampToArray(ms: number): number[] {
    const d = dayjs(ms).tz(this.timeZoneName);
    return [d.year(), d.month(), d.date(), d.hour(), d.minute(), d.second(), d.millisecond()];
  }
}

export const zonePlugin = createPlugin({
  name: 'rounds-zone',
  namedTimeZonedImpl: DayjsNamedTimeZone,
});
