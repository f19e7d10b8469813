// What the publishing benchmarks measure of a burst: when each publication went out, and the CPU
// and memory of the processes that did it (read from /proc, so the machine's load aside).
import { readFileSync } from 'node:fs';
import type { Client } from 'pg';
import type { SandboxControlClient } from '../../apps/sandbox/src/sandbox-control.client';
import type { Scheduled } from './publish-fixtures';

const GIVE_UP_MS = 180_000;

/** Moves the posts to `due` (one statement), as a reschedule would. */
export async function dueAt(db: Client, posts: Scheduled[], due: Date): Promise<Scheduled[]> {
  await db.query(
    'UPDATE posts SET scheduled_at = $1 WHERE id IN (SELECT post_id FROM publications WHERE id = ANY($2))',
    [due, posts.map((p) => p.publicationId)],
  );
  return posts.map((p) => ({ ...p, at: due }));
}

/**
 * Waits until the worker's first metrics and conversation sweeps over the new channels are done
 * (no sandbox request for a second), so the burst measures publishing.
 */
export async function quietSandbox(control: SandboxControlClient): Promise<void> {
  const deadline = Date.now() + 60_000;
  let seen = -1;
  for (;;) {
    const count = (await control.requests({ platform: 'x' })).length;
    if (count === seen || Date.now() > deadline) return;
    seen = count;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

export interface Published {
  lateness: number[];
  lastAt: number;
  published: number;
}

/** Waits until every publication is published (or GIVE_UP_MS passes); lateness per publication. */
export async function awaitPublished(db: Client, posts: Scheduled[]): Promise<Published> {
  const ids = posts.map((p) => p.publicationId);
  const deadline = Date.now() + GIVE_UP_MS;
  for (;;) {
    const { rows } = await db.query(
      `SELECT count(*) FILTER (WHERE status = 'published')::int AS published FROM publications WHERE id = ANY($1)`,
      [ids],
    );
    if (rows[0].published === ids.length || Date.now() > deadline) break;
    // Timings come from published_at; polling rarely keeps the bench's own load off the machine.
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const { rows } = await db.query(
    `SELECT extract(epoch FROM pub.published_at - p.scheduled_at) * 1000 AS late,
            extract(epoch FROM pub.published_at) * 1000 AS at
       FROM publications pub JOIN posts p ON p.id = pub.post_id
      WHERE pub.id = ANY($1) AND pub.status = 'published'`,
    [ids],
  );
  const lateness = rows.map((r) => Number(r.late)).sort((a, b) => a - b);
  return {
    lateness,
    lastAt: Math.max(...rows.map((r) => Number(r.at))),
    published: rows.length,
  };
}

/** CPU seconds (user + system) the process has used: machine load aside, what each side costs. */
export function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

export const peakRssMb = (pid: number) =>
  Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
