import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { ExportHeader, ExportLine } from './audit-export';
import type { PublicKeyEntry } from './audit-signer';

export type { PublicKeyEntry };
import { ChainVerification, ChainVerifier } from './chain-verifier';
import type { SignedCheckpoint } from './checkpoint';

export interface ExportVerification extends ChainVerification {
  organizationId: string;
  from: string | null;
  to: string | null;
  firstSeq: number | null;
  lastSeq: number | null;
  /** The keys checkpoints were checked against: the pinned ones, or else the file's own. */
  keys: PublicKeyEntry[];
  keysPinned: boolean;
}

async function* linesOf(path: string): AsyncGenerator<ExportLine> {
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  for await (const line of lines) if (line.trim() !== '') yield JSON.parse(line) as ExportLine;
}

/**
 * Verifies an export (`GET /api/v1/audit/export`) with nothing but the file: a first pass reads
 * the header and the checkpoints, a second streams the events through the verifier. With pinned
 * keys, the file's own keys are not trusted (whoever wrote the file could have re-signed it).
 */
export async function verifyExportFile(
  path: string,
  pinnedKeys?: PublicKeyEntry[],
): Promise<ExportVerification> {
  let header: ExportHeader | undefined;
  const checkpoints: SignedCheckpoint[] = [];
  for await (const line of linesOf(path)) {
    if (line.type === 'export') header ??= line;
    else if (line.type === 'checkpoint') checkpoints.push(stripType(line));
  }
  if (!header) throw new Error(`${path} is not an audit export: it has no header line`);
  const keys = pinnedKeys ?? header.publicKeys;
  const verifier = new ChainVerifier(
    checkpoints.filter((c) => c.organizationId === header!.organizationId),
    keys,
    { startsMidChain: header.startsMidChain },
  );
  let firstSeq: number | null = null;
  let lastSeq: number | null = null;
  for await (const line of linesOf(path)) {
    if (line.type !== 'event' || line.organizationId !== header.organizationId) continue;
    firstSeq ??= line.seq;
    lastSeq = line.seq;
    if (!verifier.push(stripType(line))) break;
  }
  const { organizationId, from, to } = header;
  return {
    ...verifier.finish(),
    organizationId,
    from,
    to,
    firstSeq,
    lastSeq,
    keys,
    keysPinned: pinnedKeys !== undefined,
  };
}

function stripType<T extends { type: string }>(line: T): Omit<T, 'type'> {
  const { type: _type, ...rest } = line;
  return rest;
}
