import { digestWeek } from './digest-week';

describe('digestWeek', () => {
  it('is due from Monday 08:00 in the organization zone and reports on the week before', () => {
    // Monday 2026-03-09 07:59 in Chicago (CDT, UTC-5) is 12:59Z.
    expect(digestWeek(new Date('2026-03-09T12:59:00Z'), 'America/Chicago')).toEqual({
      weekStart: '2026-03-09',
      due: false,
      reportFrom: '2026-03-02',
      reportTo: '2026-03-08',
    });
    expect(digestWeek(new Date('2026-03-09T13:00:00Z'), 'America/Chicago').due).toBe(true);
  });

  it('stays due for the rest of the week, and the same week is the same key', () => {
    const saturday = digestWeek(new Date('2026-03-14T23:00:00Z'), 'America/Chicago');
    expect(saturday).toMatchObject({ weekStart: '2026-03-09', due: true });
  });

  it('uses each organization its own Monday', () => {
    const at = new Date('2026-03-08T23:30:00Z');
    expect(digestWeek(at, 'Asia/Tokyo')).toMatchObject({ weekStart: '2026-03-09', due: true });
    expect(digestWeek(at, 'America/Los_Angeles')).toMatchObject({ weekStart: '2026-03-02' });
  });
});
