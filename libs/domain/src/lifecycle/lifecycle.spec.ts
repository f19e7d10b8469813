import type { EntityManager } from 'typeorm';
import { AuditAction } from '../audit/audit-action';
import type { AuditService } from '../audit/audit.service';
import { Lifecycle } from './lifecycle.service';
import { InvalidTransitionError } from './transition-error';
import { canTransition, LifecycleKind } from './transitions';

/*
 * The lifecycles as the README states them, written out by hand: one line per from-status, one
 * column per to-status (the header names them), `x` allowed, `.` refused. Every pair is checked
 * against the code, so a move added to or dropped from a table shows up here.
 */
const EXPECTED: Record<LifecycleKind, string> = {
  post: `
                    draft in_review changes_requested scheduled publishing published failed in_doubt cancelled held expired
    draft             .       x            .             .         .         .       .       .        x      .     .
    in_review         x       .            x             x         .         .       .       .        x      .     x
    changes_requested x       .            .             .         .         .       .       .        x      .     .
    scheduled         x       .            .             .         x         .       .       .        x      x     x
    publishing        .       .            .             x         .         x       x       x        .      x     .
    published         .       .            .             .         .         .       .       .        .      .     .
    failed            .       .            .             x         .         .       .       .        x      .     .
    in_doubt          .       .            .             .         x         x       x       .        .      .     .
    cancelled         .       .            .             .         .         .       .       .        .      .     .
    held              x       .            .             x         .         .       .       .        x      .     x
    expired           x       x            .             x         .         .       .       .        x      .     .
  `,
  publication: `
                scheduled publishing published failed in_doubt held cancelled expired
    scheduled       .         x          .       .       .       x      x        x
    publishing      x         .          x       x       x       x      .        .
    published       .         .          .       .       .       .      .        .
    failed          x         .          .       .       .       .      x        .
    in_doubt        .         x          x       x       .       .      .        .
    held            x         .          .       .       .       .      x        x
    cancelled       .         .          .       .       .       .      .        .
    expired         x         .          .       .       .       .      x        .
  `,
  reply: `
                in_review approved rejected sending sent failed
    in_review       .        x        x        .     .     .
    approved        .        .        .        x     .     .
    rejected        .        .        .        .     .     .
    sending         .        x        .        .     x     x
    sent            .        .        .        .     .     .
    failed          .        .        .        .     .     .
  `,
};

function grid(kind: LifecycleKind) {
  const [header, ...lines] = EXPECTED[kind]
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/));
  return { columns: header, lines };
}

const pairs = (kind: LifecycleKind) =>
  grid(kind).lines.flatMap(([from, ...marks]) =>
    grid(kind).columns.map((to, i) => ({ from, to, allowed: marks[i] === 'x' })),
  );

interface Update {
  set: Record<string, unknown>;
  where: string;
  parameters: Record<string, unknown>;
}

/** A manager whose conditional UPDATE matches `affected` rows, and an audit trail; both record. */
function fakes(affected: number) {
  const updates: Update[] = [];
  const builder = {
    update: () => builder,
    set: (set: Record<string, unknown>) => (updates.push({ set } as Update), builder),
    where: (where: string, parameters: Record<string, unknown>) => {
      Object.assign(updates[updates.length - 1], { where, parameters });
      return builder;
    },
    execute: () => Promise.resolve({ affected }),
  };
  const events: unknown[] = [];
  const audit = { record: (_tx: unknown, event: unknown) => Promise.resolve(events.push(event)) };
  return {
    tx: { createQueryBuilder: () => builder } as unknown as EntityManager,
    lifecycle: new Lifecycle(audit as unknown as AuditService),
    updates,
    events,
  };
}

const organizationId = 'org-1';
const id = 'row-1';
const event = { actorId: 'user-1', action: AuditAction.PostCancelled, data: { comment: 'c' } };
const rowIn = (status: string) => ({ organizationId, id, status: status as never });

describe.each(['post', 'publication', 'reply'] as const)('the %s lifecycle', (kind) => {
  it('is written out whole: a line and a column for every status, every cell marked', () => {
    const { columns, lines } = grid(kind);
    expect(lines.map(([from]) => from)).toEqual(columns);
    for (const [, ...marks] of lines) {
      expect(marks).toHaveLength(columns.length);
      expect(marks.every((m) => m === 'x' || m === '.')).toBe(true);
    }
  });

  it.each(pairs(kind).filter((p) => p.allowed))(
    'moves $from -> $to with one conditional UPDATE and its audit event',
    async ({ from, to }) => {
      const { tx, lifecycle, updates, events } = fakes(1);
      const row = rowIn(from);
      await lifecycle.move(tx, { kind, row, to: to as never, event });
      expect(canTransition(kind, from as never, to as never)).toBe(true);
      expect(updates).toEqual([
        {
          set: { status: to },
          where: 'id = :id AND organization_id = :organizationId AND status = :from',
          parameters: { id, organizationId, from },
        },
      ]);
      expect(events).toEqual([
        expect.objectContaining({
          organizationId,
          subjectId: id,
          actorId: 'user-1',
          action: AuditAction.PostCancelled,
          data: { from, to, comment: 'c' },
        }),
      ]);
      expect(row.status).toBe(to);
    },
  );

  it.each(pairs(kind).filter((p) => !p.allowed))(
    'refuses $from -> $to without touching the row or the trail',
    async ({ from, to }) => {
      const { tx, lifecycle, updates, events } = fakes(1);
      const row = rowIn(from);
      const attempt = lifecycle.move(tx, { kind, row, to: to as never, event });
      await expect(attempt).rejects.toThrow(InvalidTransitionError);
      await expect(attempt).rejects.toMatchObject({ details: { kind, from, to } });
      expect(canTransition(kind, from as never, to as never)).toBe(false);
      expect(updates).toEqual([]);
      expect(events).toEqual([]);
      expect(row.status).toBe(from);
    },
  );

  it('loses a race cleanly: the row was no longer in its from-status, nothing is recorded', async () => {
    const { from, to } = pairs(kind).find((p) => p.allowed)!;
    const { tx, lifecycle, events } = fakes(0);
    const row = rowIn(from);
    const attempt = lifecycle.move(tx, { kind, row, to: to as never, event });
    await expect(attempt).rejects.toMatchObject({
      code: 'invalid_transition',
      message: expect.stringContaining(`no longer ${from}`),
      details: { from, to },
    });
    expect(events).toEqual([]);
    expect(row.status).toBe(from);
  });
});

describe('a move', () => {
  it('writes the extra columns in the same statement as the status', async () => {
    const { tx, lifecycle, updates } = fakes(1);
    const set = { approvedRevisionId: 'r' };
    await lifecycle.move(tx, {
      kind: 'post',
      row: rowIn('in_review'),
      to: 'scheduled' as never,
      set,
      event,
    });
    expect(updates[0].set).toEqual({ approvedRevisionId: 'r', status: 'scheduled' });
  });

  it('records nothing of its own when the caller’s event covers it', async () => {
    const { tx, lifecycle, updates, events } = fakes(1);
    const move = {
      kind: 'publication' as const,
      row: rowIn('scheduled'),
      to: 'cancelled' as never,
    };
    await lifecycle.move(tx, { ...move, event: null });
    expect(updates).toHaveLength(1);
    expect(events).toEqual([]);
  });
});
