import { AuditSigner, ChainVerifier } from '@rounds/domain';
import { FileCheckpointSink } from '@rounds/domain/audit/file-checkpoint-sink';
import type { Stack } from './processes';

/**
 * Every organization's audit chain in the suite's database verifies against its checkpoints, as
 * `GET /api/v1/audit/verify` would; fails naming the organization and the first broken link.
 */
export async function expectAuditChainsIntact(stack: Stack): Promise<void> {
  const sink = new FileCheckpointSink(stack.env.AUDIT_CHECKPOINT_DIR);
  const keys = new AuditSigner(stack.env.AUDIT_SIGNING_KEY).publicKeys();
  const { rows: organizations } = await stack.db.query<{ id: string }>(
    'SELECT id FROM organizations',
  );
  for (const { id } of organizations) {
    const verifier = new ChainVerifier(await sink.list(id), keys);
    const { rows } = await stack.db.query(
      'SELECT * FROM audit_events WHERE organization_id = $1 ORDER BY seq',
      [id],
    );
    for (const row of rows) {
      verifier.push({
        id: row.id,
        organizationId: row.organization_id,
        seq: Number(row.seq),
        occurredAt: (row.occurred_at as Date).toISOString(),
        actorId: row.actor_id,
        action: row.action,
        subjectType: row.subject_type,
        subjectId: row.subject_id,
        data: row.data,
        prevHash: row.prev_hash,
        hash: row.hash,
      });
    }
    expect({ organizationId: id, ...verifier.finish() }).toMatchObject({
      organizationId: id,
      valid: true,
    });
  }
}
