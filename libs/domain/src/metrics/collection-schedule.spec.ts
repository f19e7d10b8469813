import { nextCollectionAt } from './collection-schedule';

const published = new Date('2026-03-01T12:00:00Z');
const after = (ms: number) => new Date(published.getTime() + ms);
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe('nextCollectionAt', () => {
  it('reads every 15 minutes during the first day', () => {
    expect(nextCollectionAt(published, after(0))).toEqual(after(15 * MIN));
    expect(nextCollectionAt(published, after(23 * HOUR))).toEqual(after(23 * HOUR + 15 * MIN));
  });

  it('reads hourly until day 7, then daily until day 90', () => {
    expect(nextCollectionAt(published, after(DAY))).toEqual(after(DAY + HOUR));
    expect(nextCollectionAt(published, after(7 * DAY - MIN))).toEqual(after(7 * DAY - MIN + HOUR));
    expect(nextCollectionAt(published, after(7 * DAY))).toEqual(after(8 * DAY));
  });

  it('takes a last reading on day 90 and then stops', () => {
    expect(nextCollectionAt(published, after(89 * DAY + HOUR))).toEqual(after(90 * DAY));
    expect(nextCollectionAt(published, after(90 * DAY))).toBeNull();
  });
});
