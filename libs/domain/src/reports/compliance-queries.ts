import { AuditAction } from '../audit/audit-action';
import type { ReportPeriod } from './report-period';

export const COMPLIANCE_FORMULAS = {
  approvalCycleTime:
    'cycleTime = time the approval policy was met (post.scheduled or post.expired, approved) - the submission before it; median and 90th percentile, in hours',
  rejections:
    'rejections = post reject decisions in the period, by the blocking finding kinds open on the rejected revision (no_blocking_finding when there were none); a rejection with several kinds counts under each',
  phiFindings:
    'phiFindings = PHI scanner findings first raised in the period, on post revisions and on replies, by kind',
  overrides:
    'overrides = block findings (posts and replies) a compliance officer overrode with a justification, by kind',
  pauses:
    'pauses = emergency pauses switched on in the period; pausedHours = until resumed (or now)',
} as const;

/** Every query of the compliance panel: approvals, findings and audit rows, by period. */
export function complianceQueries(organizationId: string, period: ReportPeriod) {
  const range = [organizationId, period.start, period.end];
  return {
    cycleTime: {
      sql: `SELECT count(*)::int AS approvals,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY hours) AS median,
                   percentile_cont(0.9) WITHIN GROUP (ORDER BY hours) AS p90
            FROM (SELECT extract(epoch FROM met.occurred_at - submitted.at) / 3600 AS hours
                  FROM audit_events met
                  CROSS JOIN LATERAL (
                    SELECT max(s.occurred_at) AS at FROM audit_events s
                    WHERE s.organization_id = met.organization_id AND s.subject_type = 'post'
                      AND s.subject_id = met.subject_id AND s.action = '${AuditAction.PostSubmitted}'
                      AND s.occurred_at <= met.occurred_at) submitted
                  WHERE met.organization_id = $1 AND met.occurred_at >= $2 AND met.occurred_at < $3
                    AND met.action IN ('${AuditAction.PostScheduled}', '${AuditAction.PostExpired}')
                    AND met.data->>'approved' = 'true' AND submitted.at IS NOT NULL) cycles`,
      params: range,
    },
    rejections: {
      sql: `SELECT coalesce(k.kind, 'no_blocking_finding') AS reason, count(*)::int AS count
            FROM approvals a
            LEFT JOIN LATERAL (
              SELECT DISTINCT f.kind FROM compliance_findings f
              WHERE f.revision_id = a.revision_id AND f.severity = 'block'
                AND f.created_at <= a.created_at AND (f.cleared_at IS NULL OR f.cleared_at > a.created_at)
            ) k ON true
            WHERE a.organization_id = $1 AND a.decision = 'reject'
              AND a.created_at >= $2 AND a.created_at < $3
            GROUP BY 1 ORDER BY 2 DESC, 1`,
      params: range,
    },
    rejectionTotal: {
      sql: `SELECT count(*)::int AS count FROM approvals
            WHERE organization_id = $1 AND decision = 'reject' AND created_at >= $2 AND created_at < $3`,
      params: range,
    },
    phiFindings: {
      sql: `SELECT kind, count(*)::int AS count FROM (
              SELECT kind FROM compliance_findings
              WHERE organization_id = $1 AND source = 'phi' AND created_at >= $2 AND created_at < $3
              UNION ALL
              SELECT f->>'kind' FROM conversation_replies r
              CROSS JOIN LATERAL jsonb_array_elements(r.findings) f
              WHERE r.organization_id = $1 AND r.template_id IS NULL
                AND r.created_at >= $2 AND r.created_at < $3) found
            GROUP BY 1 ORDER BY 2 DESC, 1`,
      params: range,
    },
    overrides: {
      sql: `SELECT coalesce(f.kind, rf.kind, 'unknown') AS kind, count(*)::int AS count
            FROM audit_events e
            LEFT JOIN compliance_findings f
              ON f.organization_id = e.organization_id AND f.id::text = e.data->>'findingId'
            LEFT JOIN LATERAL (
              SELECT x->>'kind' AS kind FROM conversation_replies r
              CROSS JOIN LATERAL jsonb_array_elements(r.findings) x
              WHERE e.subject_type = 'conversation_reply' AND r.organization_id = e.organization_id
                AND r.id::text = e.subject_id AND x->>'id' = e.data->>'findingId') rf ON true
            WHERE e.organization_id = $1 AND e.action = '${AuditAction.PhiFindingOverridden}'
              AND e.occurred_at >= $2 AND e.occurred_at < $3
            GROUP BY 1 ORDER BY 2 DESC, 1`,
      params: range,
    },
    pauses: {
      sql: `SELECT p.occurred_at AS "pausedAt", r.at AS "resumedAt", p.data->>'reason' AS reason,
                   p.actor_id AS "actorId"
            FROM audit_events p
            LEFT JOIN LATERAL (
              SELECT min(x.occurred_at) AS at FROM audit_events x
              WHERE x.organization_id = p.organization_id AND x.action = '${AuditAction.OrganizationResumed}'
                AND x.seq > p.seq) r ON true
            WHERE p.organization_id = $1 AND p.action = '${AuditAction.OrganizationPaused}'
              AND p.occurred_at >= $2 AND p.occurred_at < $3
            ORDER BY p.occurred_at`,
      params: range,
    },
  };
}
