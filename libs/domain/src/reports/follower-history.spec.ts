import { FollowerHistory } from './follower-history';
import { reportPeriod } from './report-period';

const zone = 'America/Chicago';

describe('FollowerHistory', () => {
  const history = new FollowerHistory([
    { channelId: 'a', day: '0000-01-01', followers: 900 },
    { channelId: 'a', day: '2026-03-02', followers: 1000 },
    { channelId: 'a', day: '2026-03-05', followers: 1040 },
    { channelId: 'b', day: '2026-03-03', followers: 50 },
    { channelId: 'b', day: '2026-03-06', followers: 45 },
  ]);

  it('carries the last reading forward over days without one', () => {
    expect(history.at('a', '2026-03-01')).toBe(900);
    expect(history.at('a', '2026-03-04')).toBe(1000);
    expect(history.at('b', '2026-03-02')).toBeUndefined();
    expect(history.total(['a', 'b'], '2026-03-04')).toBe(1050);
  });

  it('measures growth from the day before the period, or from the first reading in it', () => {
    const period = reportPeriod({ from: '2026-03-03', to: '2026-03-06' }, zone);
    expect(history.growth('a', period)).toBe(40);
    expect(history.growth('b', period)).toBe(-5);
    expect(history.growth('c', period)).toBe(0);
  });
});
