import { EntityManager, In, IsNull } from 'typeorm';
import type { ChannelPlatform } from '../channels';
import { TrackedLinkEntity } from './tracked-link.entity';

export interface NewReservation {
  code: string;
  url: string;
  createdById: string;
}

/** Stores the reservation; false when the code is taken (the caller draws another). */
export async function insertReservation(
  manager: EntityManager,
  organizationId: string,
  reservation: NewReservation,
): Promise<boolean> {
  const result = await manager
    .createQueryBuilder()
    .insert()
    .into(TrackedLinkEntity)
    .values({ organizationId, ...reservation })
    .orIgnore()
    .execute();
  return (result.raw as unknown[]).length > 0;
}

/** The organization's links among `codes`; other organizations' are simply absent. */
export function findLinksByCode(
  manager: EntityManager,
  organizationId: string,
  codes: string[],
): Promise<TrackedLinkEntity[]> {
  if (codes.length === 0) return Promise.resolve([]);
  return manager.findBy(TrackedLinkEntity, { organizationId, code: In(codes) });
}

/** Reserved links become the post's on that platform (a link not yet taken by any post). */
export async function bindLinks(
  manager: EntityManager,
  organizationId: string,
  ids: string[],
  owner: { postId: string; platform: ChannelPlatform },
): Promise<void> {
  if (ids.length === 0) return;
  await manager.update(
    TrackedLinkEntity,
    { organizationId, id: In(ids), postId: IsNull() },
    { postId: owner.postId, platform: owner.platform },
  );
}

/** At approval: each link of the approved revision redirects to the destination it carries. */
export async function fixDestinations(
  manager: EntityManager,
  organizationId: string,
  postId: string,
  links: { code: string; destination: string }[],
): Promise<void> {
  for (const { code, destination } of links) {
    await manager.update(
      TrackedLinkEntity,
      { organizationId, postId, code },
      { destination, approvedAt: new Date() },
    );
  }
}

/** An edit voids the approval: the post's links stop redirecting until it is approved again. */
export async function clearDestinations(
  manager: EntityManager,
  organizationId: string,
  postId: string,
): Promise<void> {
  await manager.update(
    TrackedLinkEntity,
    { organizationId, postId },
    { destination: null, approvedAt: null },
  );
}

/** What the redirect needs of a link: where to send the visitor, and whose day to count it on. */
export interface LiveLink {
  id: string;
  organizationId: string;
  destination: string;
  timeZone: string;
}

/**
 * The approved link with this code, of whichever organization (the redirect has only the code):
 * the row says whose it is.
 */
export async function findLiveLink(manager: EntityManager, code: string): Promise<LiveLink | null> {
  const rows: LiveLink[] = await manager.query(
    `SELECT l.id, l.organization_id AS "organizationId", l.destination, o.time_zone AS "timeZone"
       FROM tracked_links l JOIN organizations o ON o.id = l.organization_id
      WHERE l.code = $1 AND l.destination IS NOT NULL`,
    [code],
  );
  return rows[0] ?? null;
}
