import { EntityManager } from 'typeorm';
import type { ChannelPlatform } from '../channels/channel.entity';
import { mergeCategories } from '../compliance/content-category';
import type { Actor } from '../identity/actor';
import { completePolicy, type ApprovalPolicy } from '../organizations/organization-settings';
import { PostStatus } from '../lifecycle/statuses';
import { policyRequirement } from './approval-policy';
import { authorsOf, isOwnWork } from './approval-rules';

/** One line of the compliance queue: enough to choose what to open, not the post itself. */
export interface ReviewQueueEntry {
  id: string;
  excerpt: string;
  authorId: string;
  lastEditedById: string;
  revisionId: string;
  submittedAt: Date | null;
  scheduledAt: Date;
  blockingFindings: number;
  warningFindings: number;
  /** Distinct approvers whose approval of the current revision still counts. */
  approverIds: string[];
  /** Distinct approvers the policy needs for this revision. */
  required: number;
  /** False when the officer wrote or edited it, or already approved this revision. */
  mayApprove: boolean;
}

/** Where a page starts: after the entry last shown (the queue is oldest submission first). */
export interface ReviewQueueCursor {
  submittedAt: string;
  id: string;
}

interface Row extends Omit<ReviewQueueEntry, 'required' | 'mayApprove'> {
  editedById: string;
  channelIds: string[];
  categories: string[];
  detectedCategories: string[];
}

const IN_REVIEW = `p.organization_id = $1 AND p.status = '${PostStatus.InReview}'`;

/** Two statements whatever the page's length: the posts with their counts, then the policy. */
export async function reviewQueuePage(
  manager: EntityManager,
  actor: Actor,
  limit: number,
  after?: ReviewQueueCursor,
): Promise<ReviewQueueEntry[]> {
  const params: unknown[] = [actor.organizationId, limit];
  if (after) params.push(after.submittedAt, after.id);
  const rows = await manager.query<Row[]>(
    `SELECT p.id, p.author_id AS "authorId", p.last_edited_by_id AS "lastEditedById",
            p.submitted_at AS "submittedAt", p.scheduled_at AS "scheduledAt",
            r.id AS "revisionId", r.edited_by_id AS "editedById",
            r.content -> 'channelIds' AS "channelIds", r.content -> 'categories' AS categories,
            r.detected_categories AS "detectedCategories",
            left(coalesce(nullif(btrim(r.content #>> '{x,text}'), ''),
                          nullif(btrim(r.content #>> '{youtube,title}'), ''), ''), 80) AS excerpt,
            f.block::int AS "blockingFindings", f.warn::int AS "warningFindings",
            coalesce(a.ids, '{}') AS "approverIds"
       FROM posts p
       JOIN post_revisions r ON r.id = p.current_revision_id AND r.organization_id = p.organization_id
       CROSS JOIN LATERAL (
         SELECT count(*) FILTER (WHERE severity = 'block') AS block,
                count(*) FILTER (WHERE severity = 'warn') AS warn
           FROM compliance_findings
          WHERE organization_id = $1 AND revision_id = r.id AND cleared_at IS NULL) f
       CROSS JOIN LATERAL (
         SELECT array_agg(DISTINCT approver_id) AS ids
           FROM approvals
          WHERE organization_id = $1 AND post_id = p.id AND revision_id = r.id
            AND decision = 'approve' AND voided_at IS NULL) a
      WHERE ${IN_REVIEW}
        ${after ? 'AND (p.submitted_at, p.id) > ($3::timestamptz, $4::uuid)' : ''}
      ORDER BY p.submitted_at, p.id
      LIMIT $2`,
    params,
  );
  if (rows.length === 0) return [];
  const { policy, platforms } = await policyAndPlatforms(manager, actor.organizationId);
  return rows.map(({ editedById, channelIds, categories, detectedCategories, ...entry }) => ({
    ...entry,
    required: policyRequirement(
      policy,
      [...new Set(channelIds.map((id) => platforms[id]).filter((p) => p !== undefined))],
      mergeCategories(categories, detectedCategories),
    ).required,
    mayApprove:
      !isOwnWork(actor, { authors: authorsOf(entry, { editedById }) }) &&
      !entry.approverIds.includes(actor.userId),
  }));
}

async function policyAndPlatforms(manager: EntityManager, organizationId: string) {
  const [row] = await manager.query<
    { policy: Partial<ApprovalPolicy> | null; platforms: Record<string, ChannelPlatform> | null }[]
  >(
    `SELECT o.approval_policy AS policy,
            (SELECT jsonb_object_agg(c.id, c.platform) FROM channels c
              WHERE c.organization_id = o.id) AS platforms
       FROM organizations o WHERE o.id = $1`,
    [organizationId],
  );
  return { policy: completePolicy(row.policy), platforms: row.platforms ?? {} };
}
