import type { FeedbackCategory } from '../feedback';

/** GET /reports/feedback: what patients wrote over a period, and how fast it was answered. */
export interface FeedbackReport {
  timeZone: string;
  period: { from: string; to: string; days: number };
  messages: {
    total: number;
    /** Every category, zeros included; messages pulled before categories existed as `uncategorized`. */
    byCategory: { category: FeedbackCategory | 'uncategorized'; count: number }[];
    formula: string;
  };
  firstResponse: { responded: number; medianHours: number | null; formula: string };
  overdue: { count: number; formula: string };
}
