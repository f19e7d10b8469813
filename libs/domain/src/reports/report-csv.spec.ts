import type { EngagementReport } from './engagement-report';
import { figure } from './report-figures';
import { engagementCsv } from './report-csv';

const kpis = {
  postsPublished: figure(3, 1, 'postsPublished = …'),
  impressionsOrViews: figure(1200, 1000, 'impressionsOrViews = …'),
  engagements: figure(60, 0, 'engagements = likes + reposts, …'),
  engagementRate: figure(0.05, 0, 'engagementRate = …', 4),
  followerGrowth: figure(-2, 5, 'followerGrowth = …'),
  linkClicks: figure(30, 0, 'linkClicks = …'),
  linkClickThroughRate: figure(0.025, 0, 'linkClickThroughRate = …', 4),
};

const report: EngagementReport = {
  timeZone: 'America/Chicago',
  period: { from: '2026-03-01', to: '2026-03-02', days: 2 },
  previousPeriod: { from: '2026-02-27', to: '2026-02-28', days: 2 },
  granularity: 'day',
  channelId: null,
  kpis,
  series: [
    {
      period: '2026-03-01',
      postsPublished: 3,
      impressionsOrViews: 1200,
      engagements: 60,
      engagementRate: 0.05,
      followers: 10,
    },
  ],
  topPosts: [
    {
      publicationId: 'p1',
      postId: 'post1',
      channelId: 'c1',
      platform: 'x',
      preview: '=HYPERLINK("evil"), "quoted", and more',
      url: 'https://x.com/a/status/1',
      publishedAt: '2026-03-01T15:00:00.000Z',
      impressionsOrViews: 1200,
      engagements: 60,
      engagementRate: 0.05,
    },
  ],
  channels: [],
  links: {
    posts: [
      {
        postId: 'post1',
        campaign: 'Heart Month',
        preview: 'Free screenings',
        linkClicks: 30,
        impressionsOrViews: 1200,
        linkClickThroughRate: 0.025,
      },
    ],
    campaigns: [
      {
        campaign: 'Heart Month',
        linkClicks: 30,
        impressionsOrViews: 1200,
        linkClickThroughRate: 0.025,
      },
    ],
  },
  formulas: { engagements: 'engagements = likes + reposts' },
};

describe('engagementCsv', () => {
  const csv = engagementCsv(report);
  const lines = csv.split('\r\n');

  it('writes one table per part, with headers, separated by a blank line', () => {
    expect(lines[0]).toBe('scope,metric,value,previous,change,changePct,formula');
    expect(lines).toContain(
      'period,postsPublished,impressionsOrViews,engagements,engagementRate,followers',
    );
    expect(lines).toContain('2026-03-01,3,1200,60,0.05,10');
    expect(csv.split('\r\n\r\n')).toHaveLength(6);
  });

  it('writes the tracked links per post and per campaign, with clicks and click-through rate', () => {
    expect(lines).toContain(
      'postId,campaign,preview,linkClicks,impressionsOrViews,linkClickThroughRate',
    );
    expect(lines).toContain('post1,Heart Month,Free screenings,30,1200,0.025');
    expect(lines).toContain('campaign,linkClicks,impressionsOrViews,linkClickThroughRate');
    expect(lines).toContain('Heart Month,30,1200,0.025');
    expect(lines).toContain(
      'all channels,linkClickThroughRate,0.025,0,0.025,,linkClickThroughRate = …',
    );
  });

  it('gives each KPI its change and formula, an empty change % when there was nothing before', () => {
    expect(lines).toContain(
      'all channels,impressionsOrViews,1200,1000,200,20,impressionsOrViews = …',
    );
    expect(lines).toContain('all channels,engagements,60,0,60,,"engagements = likes + reposts, …"');
    expect(lines).toContain('all channels,followerGrowth,-2,5,-7,-140,followerGrowth = …');
  });

  it('quotes text with commas and quotes, and defuses spreadsheet formulas', () => {
    expect(csv).toContain(`"'=HYPERLINK(""evil""), ""quoted"", and more"`);
  });
});
