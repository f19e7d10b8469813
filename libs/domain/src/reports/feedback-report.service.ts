import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { READ_REPLICA } from '@rounds/database';
import { DataSource } from 'typeorm';
import { overdueSql, ROUTE_OF_MESSAGE } from '../conversations';
import { FEEDBACK_CATEGORIES, type FeedbackCategory } from '../feedback';
import { loadOrganization } from '../organizations/organization-store';
import type { FeedbackReport } from './feedback-report';
import { reportPeriod } from './report-period';

export const FEEDBACK_FORMULAS = {
  messages:
    'messages = inbox messages received in the period, by feedback category (uncategorized: pulled before categories existed)',
  firstResponse:
    "firstResponse = the first reply sent, close or dismissal - received; median in hours over the period's messages that have one",
  overdue:
    "overdue = the period's messages still new past received + their category's response target (now)",
} as const;

const hours = (value: number | null) => (value === null ? null : Math.round(value * 100) / 100);

/** The patient-feedback panel: counts by category, median time to first response, overdue. */
@Injectable()
export class FeedbackReportService {
  /** Reports read the replica (DATABASE_READ_URL): a few seconds behind is fine. */
  constructor(@InjectDataSource(READ_REPLICA) private readonly dataSource: DataSource) {}

  async report(
    organizationId: string,
    query: { from?: string; to?: string },
  ): Promise<FeedbackReport> {
    const { timeZone } = await loadOrganization(this.dataSource.manager, organizationId);
    const period = reportPeriod(query, timeZone);
    const range = [organizationId, period.start, period.end];
    const inPeriod = 'm.organization_id = $1 AND m.received_at >= $2 AND m.received_at < $3';
    const [counts, [response], [overdue]] = await Promise.all([
      this.dataSource.query<{ category: FeedbackCategory | null; count: number }[]>(
        `SELECT m.category, count(*)::int AS count FROM conversation_messages m
         WHERE ${inPeriod} GROUP BY 1`,
        range,
      ),
      this.dataSource.query<{ responded: number; median: number | null }[]>(
        `SELECT count(*)::int AS responded,
                percentile_cont(0.5) WITHIN GROUP (
                  ORDER BY extract(epoch FROM m.first_response_at - m.received_at) / 3600) AS median
         FROM conversation_messages m
         WHERE ${inPeriod} AND m.first_response_at IS NOT NULL`,
        range,
      ),
      this.dataSource.query<{ count: number }[]>(
        `SELECT count(*)::int AS count FROM conversation_messages m
           JOIN feedback_routes r ON ${ROUTE_OF_MESSAGE}
         WHERE ${inPeriod} AND ${overdueSql('now()')}`,
        range,
      ),
    ]);
    const count = (category: FeedbackCategory | null) =>
      counts.find((c) => c.category === category)?.count ?? 0;
    return {
      timeZone,
      period: { from: period.from, to: period.to, days: period.days },
      messages: {
        total: counts.reduce((n, c) => n + c.count, 0),
        byCategory: [
          ...FEEDBACK_CATEGORIES.map((category) => ({ category, count: count(category) })),
          { category: 'uncategorized' as const, count: count(null) },
        ],
        formula: FEEDBACK_FORMULAS.messages,
      },
      firstResponse: {
        responded: response.responded,
        medianHours: hours(response.median),
        formula: FEEDBACK_FORMULAS.firstResponse,
      },
      overdue: { count: overdue.count, formula: FEEDBACK_FORMULAS.overdue },
    };
  }
}
