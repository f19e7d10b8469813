/** GET /reports/compliance: how review and the PHI guard worked over a period. */
export interface ComplianceReport {
  timeZone: string;
  period: { from: string; to: string; days: number };
  approvalCycleTime: {
    /** Revisions whose approval policy was met in the period. */
    approvals: number;
    medianHours: number | null;
    p90Hours: number | null;
    formula: string;
  };
  rejections: { total: number; byReason: { reason: string; count: number }[]; formula: string };
  phiFindings: { total: number; byKind: { kind: string; count: number }[]; formula: string };
  overrides: { total: number; byKind: { kind: string; count: number }[]; formula: string };
  pauses: {
    total: number;
    pausedHours: number;
    list: {
      pausedAt: string;
      resumedAt: string | null;
      reason: string | null;
      actorId: string | null;
    }[];
    formula: string;
  };
}
