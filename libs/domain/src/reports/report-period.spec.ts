import { bucketStarts, previousPeriod, reportPeriod } from './report-period';

const zone = 'America/Chicago';

describe('report periods', () => {
  it('reads dates as whole days in the organization time zone', () => {
    const period = reportPeriod({ from: '2026-03-01', to: '2026-03-31' }, zone);
    expect(period).toMatchObject({ from: '2026-03-01', to: '2026-03-31', days: 31 });
    expect(period.start.toISOString()).toBe('2026-03-01T06:00:00.000Z');
    // Daylight saving time starts on March 8th in Chicago.
    expect(period.end.toISOString()).toBe('2026-04-01T05:00:00.000Z');
  });

  it('turns a date-time into the organization day it falls on', () => {
    const period = reportPeriod({ from: '2026-03-02T03:00:00Z', to: '2026-03-02T12:00:00Z' }, zone);
    expect(period).toMatchObject({ from: '2026-03-01', to: '2026-03-02', days: 2 });
  });

  it('compares with the period of the same length just before', () => {
    const previous = previousPeriod(
      reportPeriod({ from: '2026-03-01', to: '2026-03-31' }, zone),
      zone,
    );
    expect(previous).toMatchObject({ from: '2026-01-29', to: '2026-02-28', days: 31 });
  });

  it('defaults to the last 30 days up to today', () => {
    const period = reportPeriod({}, zone, new Date('2026-03-31T12:00:00Z'));
    expect(period).toMatchObject({ from: '2026-03-02', to: '2026-03-31', days: 30 });
  });

  it('refuses a period that ends before it starts or is too long, naming the field', () => {
    expect(() => reportPeriod({ from: '2026-03-05', to: '2026-03-01' }, zone)).toThrow(
      expect.objectContaining({ field: 'from' }),
    );
    expect(() => reportPeriod({ from: '2020-01-01', to: '2026-03-01' }, zone)).toThrow(/at most/);
    expect(() => reportPeriod({ to: 'yesterday' }, zone)).toThrow(
      expect.objectContaining({ field: 'to' }),
    );
  });

  it('buckets by Monday weeks and calendar months', () => {
    const period = reportPeriod({ from: '2026-03-04', to: '2026-03-20' }, zone);
    expect(bucketStarts(period, 'week')).toEqual(['2026-03-02', '2026-03-09', '2026-03-16']);
    expect(bucketStarts(period, 'month')).toEqual(['2026-03-01']);
    expect(bucketStarts(period, 'day')).toHaveLength(17);
  });
});

describe('bucketStarts across years and leap days', () => {
  it('starts weeks on Monday and months on the 1st, over a year end', () => {
    const period = reportPeriod({ from: '2027-12-30', to: '2028-03-01' }, 'UTC');
    expect(bucketStarts(period, 'week').slice(0, 2)).toEqual(['2027-12-27', '2028-01-03']);
    expect(bucketStarts(period, 'month')).toEqual([
      '2027-12-01',
      '2028-01-01',
      '2028-02-01',
      '2028-03-01',
    ]);
    expect(bucketStarts(period, 'day')).toContain('2028-02-29');
    expect(bucketStarts(period, 'day')).toHaveLength(63);
  });
});
