import { DateTime } from 'luxon';
import type { EngagementKpis, EngagementReport } from '../reports/engagement-report';
import type { Figure } from '../reports/report-figures';
import { barChartSvg } from './digest-chart';

export interface DigestEmail {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const number = (n: number) => n.toLocaleString('en-US');
const percent = (n: number) => `${(n * 100).toFixed(2)}%`;

const KPI_ROWS: { key: keyof EngagementKpis; label: string; show: (n: number) => string }[] = [
  { key: 'postsPublished', label: 'Posts published', show: number },
  { key: 'impressionsOrViews', label: 'Impressions and views', show: number },
  { key: 'engagements', label: 'Engagements', show: number },
  { key: 'engagementRate', label: 'Engagement rate', show: percent },
  { key: 'followerGrowth', label: 'Follower growth', show: number },
];

function change(f: Figure): string {
  if (f.changePct === null) return f.change === 0 ? 'no change' : 'new this week';
  return `${f.changePct >= 0 ? '+' : ''}${f.changePct}% vs the week before`;
}

/** The weekly digest for executives: last week's KPIs, a chart of daily engagements, top posts. */
export function renderDigest(
  organizationName: string,
  report: EngagementReport,
  dashboardUrl: string,
): DigestEmail {
  const range = `${DateTime.fromISO(report.period.from).toFormat('LLL d')} – ${DateTime.fromISO(report.period.to).toFormat('LLL d, yyyy')}`;
  const top = report.topPosts.slice(0, 3);
  const kpiLines = KPI_ROWS.map(({ key, label, show }) => {
    const f = report.kpis[key];
    return { label, value: show(f.value), change: change(f) };
  });
  const text = [
    `${organizationName}: your week on social media (${range}, ${report.timeZone})`,
    kpiLines.map((k) => `${k.label}: ${k.value} (${k.change})`).join('\n'),
    'Engagements per day:\n' +
      report.series.map((p) => `${p.period}: ${number(p.engagements)}`).join('\n'),
    top.length
      ? 'Top posts:\n' +
        top
          .map(
            (p, i) =>
              `${i + 1}. ${p.preview} (${number(p.engagements)} engagements)${p.url ? ` ${p.url}` : ''}`,
          )
          .join('\n')
      : 'No posts went out this week.',
    `The full report: ${dashboardUrl}`,
  ].join('\n\n');
  const chart = barChartSvg(
    'Engagements per day',
    report.series.map((p) => ({
      label: DateTime.fromISO(p.period).toFormat('ccc'),
      value: p.engagements,
    })),
  );
  const html = `<!doctype html><html><body style="font-family:Helvetica,Arial,sans-serif;color:#222">
<h1 style="font-size:20px">${escapeHtml(organizationName)}: your week on social media</h1>
<p style="color:#666">${escapeHtml(range)} (${escapeHtml(report.timeZone)})</p>
<table cellpadding="6" style="border-collapse:collapse">${kpiLines
    .map(
      (k) =>
        `<tr><td>${k.label}</td><td style="font-weight:bold;text-align:right">${k.value}</td><td style="color:#666">${k.change}</td></tr>`,
    )
    .join('')}</table>
<h2 style="font-size:16px">Engagements per day</h2>
${chart}
<h2 style="font-size:16px">Top posts</h2>
${top.length ? `<ol>${top.map((p) => `<li>${p.url ? `<a href="${escapeHtml(p.url)}">${escapeHtml(p.preview)}</a>` : escapeHtml(p.preview)} — ${number(p.engagements)} engagements</li>`).join('')}</ol>` : '<p>No posts went out this week.</p>'}
<p><a href="${escapeHtml(dashboardUrl)}">Open the full report</a></p>
</body></html>`;
  return { subject: `Weekly digest for ${organizationName}: ${range}`, text, html };
}
