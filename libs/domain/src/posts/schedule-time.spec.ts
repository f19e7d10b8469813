import { localTime, parseScheduledAt } from './schedule-time';

describe('parseScheduledAt', () => {
  const now = new Date('2030-03-01T12:00:00Z');
  const zone = 'America/Chicago';

  it('reads a time without an offset in the organization zone, across DST', () => {
    expect(parseScheduledAt('2030-03-05T09:00', zone, now).toISOString()).toBe(
      '2030-03-05T15:00:00.000Z',
    );
    expect(parseScheduledAt('2030-07-05T09:00', zone, now).toISOString()).toBe(
      '2030-07-05T14:00:00.000Z',
    );
    expect(parseScheduledAt('2030-07-05', zone, now).toISOString()).toBe(
      '2030-07-05T05:00:00.000Z',
    );
  });

  it('keeps an explicit offset or Z', () => {
    expect(parseScheduledAt('2030-03-05T09:00:00Z', zone, now).toISOString()).toBe(
      '2030-03-05T09:00:00.000Z',
    );
    expect(parseScheduledAt('2030-03-05T09:00+02:00', zone, now).toISOString()).toBe(
      '2030-03-05T07:00:00.000Z',
    );
  });

  it('refuses the past and what is not a time, naming the field', () => {
    expect(() => parseScheduledAt('2030-03-01T05:59', zone, now)).toThrow(
      /scheduledAt must be in the future/,
    );
    expect(() => parseScheduledAt('soon', zone, now, 'release.scheduledAt')).toThrow(
      expect.objectContaining({ field: 'release.scheduledAt' }),
    );
  });

  it('shows an instant with the organization offset', () => {
    expect(localTime(new Date('2030-07-05T14:00:00Z'), zone)).toBe('2030-07-05T09:00:00-05:00');
  });
});
