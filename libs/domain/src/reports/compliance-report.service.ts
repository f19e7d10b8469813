import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { READ_REPLICA } from '@rounds/database';
import { DataSource } from 'typeorm';
import { loadOrganization } from '../organizations/organization-store';
import type { ComplianceReport } from './compliance-report';
import { COMPLIANCE_FORMULAS, complianceQueries } from './compliance-queries';
import { reportPeriod } from './report-period';

type Count = { count: number };
type Keyed = Count & { kind: string };
type PauseRow = {
  pausedAt: Date;
  resumedAt: Date | null;
  reason: string | null;
  actorId: string | null;
};

const hours = (value: number | null) => (value === null ? null : Math.round(value * 100) / 100);

/** The compliance panel: review speed, rejections, PHI caught, overrides and pauses. */
@Injectable()
export class ComplianceReportService {
  /** Reports read the replica (DATABASE_READ_URL): a few seconds behind is fine. */
  constructor(@InjectDataSource(READ_REPLICA) private readonly dataSource: DataSource) {}

  async report(
    organizationId: string,
    query: { from?: string; to?: string },
  ): Promise<ComplianceReport> {
    const { timeZone } = await loadOrganization(this.dataSource.manager, organizationId);
    const period = reportPeriod(query, timeZone);
    const q = complianceQueries(organizationId, period);
    const run = <T>(query: { sql: string; params: unknown[] }): Promise<T[]> =>
      this.dataSource.query(query.sql, query.params);
    const [[cycle], rejections, [rejectionTotal], phi, overrides, pauses] = await Promise.all([
      run<{ approvals: number; median: number | null; p90: number | null }>(q.cycleTime),
      run<Count & { reason: string }>(q.rejections),
      run<Count>(q.rejectionTotal),
      run<Keyed>(q.phiFindings),
      run<Keyed>(q.overrides),
      run<PauseRow>(q.pauses),
    ]);
    const sum = (rows: Count[]) => rows.reduce((n, r) => n + r.count, 0);
    const now = Date.now();
    const pausedMs = pauses.reduce(
      (ms, p) =>
        ms +
        ((p.resumedAt ? new Date(p.resumedAt).getTime() : now) - new Date(p.pausedAt).getTime()),
      0,
    );
    return {
      timeZone,
      period: { from: period.from, to: period.to, days: period.days },
      approvalCycleTime: {
        approvals: cycle.approvals,
        medianHours: hours(cycle.median),
        p90Hours: hours(cycle.p90),
        formula: COMPLIANCE_FORMULAS.approvalCycleTime,
      },
      rejections: {
        total: rejectionTotal.count,
        byReason: rejections,
        formula: COMPLIANCE_FORMULAS.rejections,
      },
      phiFindings: { total: sum(phi), byKind: phi, formula: COMPLIANCE_FORMULAS.phiFindings },
      overrides: {
        total: sum(overrides),
        byKind: overrides,
        formula: COMPLIANCE_FORMULAS.overrides,
      },
      pauses: {
        total: pauses.length,
        pausedHours: Math.round((pausedMs / 3_600_000) * 100) / 100,
        list: pauses.map((p) => ({
          pausedAt: new Date(p.pausedAt).toISOString(),
          resumedAt: p.resumedAt ? new Date(p.resumedAt).toISOString() : null,
          reason: p.reason,
          actorId: p.actorId,
        })),
        formula: COMPLIANCE_FORMULAS.pauses,
      },
    };
  }
}
