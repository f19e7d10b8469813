import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Client } from 'pg';
import request from 'supertest';
import { auditHash } from '@rounds/domain/audit/audit-hash';

const YEAR = 365.25 * 86_400_000;
const ROOT = join(__dirname, '../..');
const exportsDir = mkdtempSync(join(tmpdir(), 'rounds-export-'));

/** An NDJSON file somewhere only this run writes. */
export function writeExportFile(text: string): string {
  const file = join(exportsDir, `export-${Math.random().toString(36).slice(2)}.ndjson`);
  writeFileSync(file, text);
  return file;
}

/** `GET /api/v1/audit/export` as the auditor's download: the file it saves. */
export async function downloadAuditExport(url: string, token: string, query = ''): Promise<string> {
  const response = await request(url)
    .get(`/api/v1/audit/export${query}`)
    .auth(token, { type: 'bearer' })
    .buffer(true)
    .parse((res, done) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => done(null, text));
    })
    .expect(200)
    .expect('Content-Type', /application\/x-ndjson/);
  return writeExportFile(response.body as string);
}

/** `npm run audit:verify -- FILE [args]` as an auditor runs it: exit code and what it printed. */
export function runAuditVerify(file: string, args: string[] = []) {
  return promisify(execFile)(
    process.execPath,
    ['-r', '@swc-node/register', 'scripts/audit-verify.ts', file, ...args],
    { cwd: ROOT },
  ).then(
    ({ stdout }) => ({ code: 0, stdout }),
    (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
  );
}

/**
 * Moves an organization's events 1..through `years` into the past as if recorded then (times
 * changed, chain re-hashed), as the owner login: the rows a retention cut is for. Run it before
 * any checkpoint signs the chain.
 */
export async function backdateAuditEvents(
  owner: Client,
  organizationId: string,
  through: number,
  years: number,
): Promise<void> {
  const { rows } = await owner.query(
    'SELECT * FROM audit_events WHERE organization_id = $1 ORDER BY seq',
    [organizationId],
  );
  let prevHash = '0'.repeat(64);
  await owner.query('BEGIN');
  await owner.query('SET LOCAL session_replication_role = replica');
  for (const row of rows) {
    const seq = Number(row.seq);
    const occurredAt =
      seq <= through ? new Date(Date.now() - years * YEAR + seq * 1000) : row.occurred_at;
    const hash = auditHash({
      organizationId,
      seq,
      occurredAt: occurredAt.toISOString(),
      actorId: row.actor_id,
      action: row.action,
      subjectType: row.subject_type,
      subjectId: row.subject_id,
      data: row.data,
      prevHash,
    });
    await owner.query(
      'UPDATE audit_events SET occurred_at = $2, prev_hash = $3, hash = $4 WHERE id = $1',
      [row.id, occurredAt, prevHash, hash],
    );
    prevHash = hash;
  }
  await owner.query('COMMIT');
}
