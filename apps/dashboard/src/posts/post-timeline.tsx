import { Text, Timeline } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { actionLabel, dataSummary } from '../audit/audit-labels';
import { useSession } from '../auth/session';
import { useOrgTime } from '../time/org-time';
import type { PostDetail } from './post-model';
import { usePeople } from './use-people';

interface Moment {
  at: string;
  title: string;
  who: string | null;
  detail?: string;
}

/** Without audit access, the moments the post itself records. */
function ownMoments(post: PostDetail): Moment[] {
  return [
    ...post.revisions.map((r) => ({
      at: r.createdAt,
      title: r.number === 1 ? 'Created' : `Edited (revision ${r.number})`,
      who: r.editedById,
    })),
    ...(post.submittedAt
      ? [{ at: post.submittedAt, title: 'Submitted for review', who: post.authorId }]
      : []),
    ...post.approvals.map((a) => ({
      at: a.createdAt,
      title: a.decision === 'approve' ? 'Approved' : 'Changes requested',
      who: a.approverId,
      detail: [a.comment, a.voidedAt && `voided: ${a.voidReason}`].filter(Boolean).join(' · '),
    })),
    ...post.publications
      .filter((p) => p.publishedAt)
      .map((p) => ({
        at: p.publishedAt!,
        title: `Published to ${p.platform === 'x' ? 'X' : 'YouTube'}`,
        who: null,
      })),
  ];
}

/** The post's history: from the audit trail where the role may read it, else from the post. */
export function PostTimeline({ post }: { post: PostDetail }) {
  const time = useOrgTime();
  const person = usePeople();
  const { can } = useSession();
  const audit = useQuery({
    queryKey: ['audit', 'post', post.id, post.updatedAt],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/audit', {
          params: { query: { subjectType: 'post', subjectId: post.id } },
        }),
      ),
    enabled: can('audit:read'),
  });
  const moments: Moment[] = audit.data
    ? audit.data.map((e) => ({
        at: e.occurredAt,
        title: actionLabel(e.action),
        who: e.actorId,
        detail: dataSummary(e.data),
      }))
    : ownMoments(post);
  moments.sort((a, b) => a.at.localeCompare(b.at));
  return (
    <Timeline bulletSize={14} lineWidth={2} active={moments.length}>
      {moments.map((m, i) => (
        <Timeline.Item key={`${m.at}-${i}`} title={m.title}>
          <Text size="xs" c="dimmed">
            {time.format(m.at)} · {person(m.who)}
          </Text>
          {m.detail && (
            <Text size="xs" c="gray.7" lineClamp={3}>
              {m.detail}
            </Text>
          )}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
