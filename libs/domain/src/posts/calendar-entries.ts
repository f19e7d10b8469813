import { EntityManager } from 'typeorm';
import { PostStatus } from '../lifecycle/statuses';

/** What the calendar draws of a post, and nothing else (details load when it is opened). */
export interface CalendarEntry {
  id: string;
  status: PostStatus;
  scheduledAt: Date;
  timeZone: string;
  channelIds: string[];
  /** The start of the X text, else the video title: at most 80 characters. */
  excerpt: string;
  hasMedia: boolean;
  /** The current revision is the approved one (a reschedule keeps the approval). */
  approved: boolean;
}

export interface CalendarQuery {
  from?: Date;
  to?: Date;
  statuses?: PostStatus[];
}

export const CALENDAR_LIMIT = 1000;
const EXCERPT = 80;

/** The posts' filter: the organization, the range and the statuses asked for. */
function filter(organizationId: string, { from, to, statuses }: CalendarQuery) {
  const params: unknown[] = [organizationId];
  const where = ['p.organization_id = $1'];
  const add = (clause: string, value: unknown) => {
    params.push(value);
    where.push(clause.replace('?', `$${params.length}`));
  };
  if (from) add('p.scheduled_at >= ?', from);
  if (to) add('p.scheduled_at <= ?', to);
  if (statuses?.length) add('p.status::text = ANY(?)', statuses);
  return { where: where.join(' AND '), params };
}

/** One statement: the posts of the range with their current revision's first line. */
export async function calendarEntries(
  manager: EntityManager,
  organizationId: string,
  query: CalendarQuery,
): Promise<CalendarEntry[]> {
  const { where, params } = filter(organizationId, query);
  return manager.query<CalendarEntry[]>(
    `SELECT p.id, p.status, p.scheduled_at AS "scheduledAt", o.time_zone AS "timeZone",
            r.content -> 'channelIds' AS "channelIds",
            CASE WHEN length(t.line) > ${EXCERPT} THEN left(t.line, ${EXCERPT - 1}) || '…'
                 ELSE t.line END AS excerpt,
            (jsonb_array_length(coalesce(r.content #> '{x,images}', '[]')) > 0
              OR jsonb_typeof(r.content -> 'youtube') = 'object') AS "hasMedia",
            coalesce(p.approved_revision_id = p.current_revision_id, false) AS approved
       FROM posts p
       JOIN organizations o ON o.id = p.organization_id
       JOIN post_revisions r ON r.id = p.current_revision_id AND r.organization_id = p.organization_id
       CROSS JOIN LATERAL (SELECT coalesce(nullif(btrim(r.content #>> '{x,text}'), ''),
                                           nullif(btrim(r.content #>> '{youtube,title}'), ''),
                                           '') AS line) t
      WHERE ${where}
      ORDER BY p.scheduled_at, p.id
      LIMIT ${CALENDAR_LIMIT}`,
    params,
  );
}
