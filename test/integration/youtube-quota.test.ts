import { DateTime } from 'luxon';
import { loadConfig } from '@rounds/config';
import { PlatformClients, YoutubeQuotaService } from '@rounds/domain';
import { startTestApi, TestApi } from '../support/test-api';

const pacificMidnightAfter = (at: Date) =>
  DateTime.fromJSDate(at, { zone: 'America/Los_Angeles' })
    .startOf('day')
    .plus({ days: 1 })
    .toJSDate();

describe('the YouTube quota of the Google project, per Pacific day', () => {
  let api: TestApi;
  let quota: YoutubeQuotaService;

  beforeAll(async () => {
    api = await startTestApi({
      YOUTUBE_DAILY_QUOTA: '2000',
      YOUTUBE_QUOTA_COSTS: 'captions.insert=300',
    });
    const config = loadConfig(api.env);
    quota = new YoutubeQuotaService(api.dataSource, config, new PlatformClients(config));
  });
  afterAll(() => api.close());

  it('grants calls until the next one would exceed the day, which then waits for Pacific midnight', async () => {
    const now = new Date('2030-03-10T20:00:00Z');
    expect(await quota.reserve('videos.insert', now)).toEqual({ granted: true });
    expect(await quota.reserve('videos.insert', now)).toEqual({
      granted: false,
      until: pacificMidnightAfter(now),
    });
    // The configured cost, not the default 400.
    expect(await quota.reserve('captions.insert', now)).toEqual({ granted: true });
    expect(await quota.reserve('videos.update', now)).toEqual({ granted: true });
    // Exactly the day's 2000 units…
    expect(await quota.reserve('videos.update', now)).toEqual({ granted: true });
    // …and not one call more.
    expect(await quota.reserve('videos.list', now)).toMatchObject({ granted: false });
    const [{ units }] = await api.dataSource.query(
      `SELECT sum(units)::int AS units FROM platform_usage WHERE platform = 'youtube' AND day = '2030-03-10'`,
    );
    expect(units).toBe(2000);
  });

  it('starts again on the next quota day', async () => {
    const nextDay = new Date('2030-03-11T08:30:00Z');
    expect(await quota.reserve('videos.insert', nextDay)).toEqual({ granted: true });
  });

  it('counts the rest of the day as spent when Google says the quota is exceeded', async () => {
    const now = new Date('2030-03-12T18:00:00Z');
    await quota.exhausted(now);
    expect(await quota.reserve('videos.list', now)).toMatchObject({ granted: false });
  });
});
