import type { ComplianceReport } from './compliance-report';
import type { EngagementKpis, EngagementReport } from './engagement-report';
import type { FeedbackReport } from './feedback-report';

type Cell = string | number | null | undefined;

/** RFC 4180: quote cells with commas, quotes or line breaks; neutralise spreadsheet formulas. */
function cell(value: Cell): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const table = (header: string[], rows: Cell[][]) =>
  [header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n');

const kpiRows = (scope: string, kpis: EngagementKpis): Cell[][] =>
  Object.entries(kpis).map(([metric, f]) => [
    scope,
    metric,
    f.value,
    f.previous,
    f.change,
    f.changePct,
    f.formula,
  ]);

const LINK_COLUMNS = ['linkClicks', 'impressionsOrViews', 'linkClickThroughRate'];

/**
 * The engagement report as CSV: KPIs (per channel too), the series, the top posts, tracked links
 * per post and per campaign, and the formulas, one table each.
 */
export function engagementCsv(report: EngagementReport): string {
  return (
    [
      table(
        ['scope', 'metric', 'value', 'previous', 'change', 'changePct', 'formula'],
        [
          ...kpiRows('all channels', report.kpis),
          ...report.channels.flatMap((c) => kpiRows(`${c.platform}:${c.handle}`, c.kpis)),
        ],
      ),
      table(
        [
          'period',
          'postsPublished',
          'impressionsOrViews',
          'engagements',
          'engagementRate',
          'followers',
        ],
        report.series.map((p) => [
          p.period,
          p.postsPublished,
          p.impressionsOrViews,
          p.engagements,
          p.engagementRate,
          p.followers,
        ]),
      ),
      table(
        [
          'rank',
          'platform',
          'publishedAt',
          'preview',
          'url',
          'impressionsOrViews',
          'engagements',
          'engagementRate',
        ],
        report.topPosts.map((p, i) => [
          i + 1,
          p.platform,
          p.publishedAt,
          p.preview,
          p.url,
          p.impressionsOrViews,
          p.engagements,
          p.engagementRate,
        ]),
      ),
      table(
        ['postId', 'campaign', 'preview', ...LINK_COLUMNS],
        report.links.posts.map((p) => [
          p.postId,
          p.campaign,
          p.preview,
          p.linkClicks,
          p.impressionsOrViews,
          p.linkClickThroughRate,
        ]),
      ),
      table(
        ['campaign', ...LINK_COLUMNS],
        report.links.campaigns.map((c) => [
          c.campaign,
          c.linkClicks,
          c.impressionsOrViews,
          c.linkClickThroughRate,
        ]),
      ),
      table(['column', 'formula'], Object.entries(report.formulas)),
    ].join('\r\n\r\n') + '\r\n'
  );
}

/** The compliance panel as CSV: one row per figure. */
export function complianceCsv(report: ComplianceReport): string {
  const { approvalCycleTime: cycle, rejections, phiFindings, overrides, pauses } = report;
  return (
    table(
      ['section', 'key', 'value', 'formula'],
      [
        ['approvalCycleTime', 'approvals', cycle.approvals, cycle.formula],
        ['approvalCycleTime', 'medianHours', cycle.medianHours, cycle.formula],
        ['approvalCycleTime', 'p90Hours', cycle.p90Hours, cycle.formula],
        ['rejections', 'total', rejections.total, rejections.formula],
        ...rejections.byReason.map((r): Cell[] => [
          'rejections',
          r.reason,
          r.count,
          rejections.formula,
        ]),
        ['phiFindings', 'total', phiFindings.total, phiFindings.formula],
        ...phiFindings.byKind.map((r): Cell[] => [
          'phiFindings',
          r.kind,
          r.count,
          phiFindings.formula,
        ]),
        ['overrides', 'total', overrides.total, overrides.formula],
        ...overrides.byKind.map((r): Cell[] => ['overrides', r.kind, r.count, overrides.formula]),
        ['pauses', 'total', pauses.total, pauses.formula],
        ['pauses', 'pausedHours', pauses.pausedHours, pauses.formula],
      ],
    ) + '\r\n'
  );
}

/** The patient-feedback panel as CSV: one row per figure, like the compliance panel. */
export function feedbackCsv(report: FeedbackReport): string {
  const { messages, firstResponse, overdue } = report;
  return (
    table(
      ['section', 'key', 'value', 'formula'],
      [
        ['messages', 'total', messages.total, messages.formula],
        ...messages.byCategory.map((c): Cell[] => [
          'messages',
          c.category,
          c.count,
          messages.formula,
        ]),
        ['firstResponse', 'responded', firstResponse.responded, firstResponse.formula],
        ['firstResponse', 'medianHours', firstResponse.medianHours, firstResponse.formula],
        ['overdue', 'count', overdue.count, overdue.formula],
      ],
    ) + '\r\n'
  );
}
