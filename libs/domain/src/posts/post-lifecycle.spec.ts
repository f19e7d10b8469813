import type { EntityManager } from 'typeorm';
import { InvalidTransitionError } from './post-errors';
import {
  applyTransition,
  canTransition,
  LifecycleKind,
  POST_TRANSITIONS,
  PUBLICATION_TRANSITIONS,
  StatusOf,
} from './post-lifecycle';
import { PostStatus, PUBLICATION_STATUSES } from './post-status';

interface Update {
  set: Record<string, unknown>;
  where: string;
  parameters: Record<string, unknown>;
}

/** A manager whose conditional UPDATE matches `affected` rows, recording what it was asked. */
function fakeManager(affected: number) {
  const updates: Update[] = [];
  const builder = {
    update: () => builder,
    set: (set: Record<string, unknown>) => (updates.push({ set } as Update), builder),
    where: (where: string, parameters: Record<string, unknown>) => {
      Object.assign(updates[updates.length - 1], { where, parameters });
      return builder;
    },
    execute: async () => ({ affected }),
  };
  return { manager: { createQueryBuilder: () => builder } as unknown as EntityManager, updates };
}

const tables = {
  post: { statuses: Object.values(PostStatus), table: POST_TRANSITIONS },
  publication: { statuses: [...PUBLICATION_STATUSES], table: PUBLICATION_TRANSITIONS },
};

const pairs = (kind: LifecycleKind) => {
  const { statuses, table } = tables[kind];
  return statuses.flatMap((from) =>
    statuses.map((to) => ({
      from,
      to,
      allowed: (table as Record<string, readonly string[]>)[from].includes(to),
    })),
  );
};

describe.each(['post', 'publication'] as const)('the %s lifecycle', (kind) => {
  const organizationId = 'org-1';
  const id = 'row-1';

  it.each(pairs(kind).filter((p) => p.allowed))(
    'applies $from -> $to with one conditional UPDATE',
    async ({ from, to }) => {
      const { manager, updates } = fakeManager(1);
      await applyTransition(manager, {
        kind,
        organizationId,
        id,
        from: from as StatusOf<typeof kind>,
        to: to as StatusOf<typeof kind>,
      });
      expect(updates).toEqual([
        {
          set: { status: to },
          where: 'id = :id AND organization_id = :organizationId AND status = :from',
          parameters: { id, organizationId, from },
        },
      ]);
    },
  );

  it.each(pairs(kind).filter((p) => !p.allowed))(
    'refuses $from -> $to without touching the row',
    async ({ from, to }) => {
      const { manager, updates } = fakeManager(1);
      const attempt = applyTransition(manager, {
        kind,
        organizationId,
        id,
        from: from as StatusOf<typeof kind>,
        to: to as StatusOf<typeof kind>,
      });
      await expect(attempt).rejects.toThrow(InvalidTransitionError);
      await expect(attempt).rejects.toMatchObject({ details: { kind, from, to } });
      expect(updates).toEqual([]);
      expect(canTransition(kind, from as never, to as never)).toBe(false);
    },
  );

  it('loses a race cleanly: the row was no longer in `from`', async () => {
    const [{ from, to }] = pairs(kind).filter((p) => p.allowed);
    const { manager } = fakeManager(0);
    const attempt = applyTransition(manager, { kind, organizationId, id, from, to } as never);
    await expect(attempt).rejects.toMatchObject({
      code: 'invalid_transition',
      message: expect.stringContaining(`no longer ${from}`),
      details: { from, to },
    });
  });
});

describe('the transition tables', () => {
  it('let a post reach every status from draft', () => {
    const reached = new Set<string>([PostStatus.Draft]);
    for (let grew = true; grew;) {
      const before = reached.size;
      for (const from of [...reached])
        POST_TRANSITIONS[from as PostStatus].forEach((to) => reached.add(to));
      grew = reached.size > before;
    }
    expect([...reached].sort()).toEqual(Object.values(PostStatus).sort());
  });

  it('end at published and cancelled', () => {
    for (const table of [POST_TRANSITIONS, PUBLICATION_TRANSITIONS] as Record<
      string,
      readonly string[]
    >[]) {
      expect(table[PostStatus.Published]).toEqual([]);
      expect(table[PostStatus.Cancelled]).toEqual([]);
    }
  });

  it('keep publications inside their subset, and inside what their post may do', () => {
    for (const [from, targets] of Object.entries(PUBLICATION_TRANSITIONS)) {
      for (const to of targets) {
        expect(PUBLICATION_STATUSES).toContain(to);
        expect(POST_TRANSITIONS[from as PostStatus]).toContain(to);
      }
    }
  });

  it('writes the extra columns in the same statement as the status', async () => {
    const { manager, updates } = fakeManager(1);
    await applyTransition(manager, {
      kind: 'post',
      organizationId: 'o',
      id: 'p',
      from: PostStatus.InReview,
      to: PostStatus.Scheduled,
      set: { approvedRevisionId: 'r' },
    });
    expect(updates[0].set).toEqual({ approvedRevisionId: 'r', status: PostStatus.Scheduled });
  });
});
