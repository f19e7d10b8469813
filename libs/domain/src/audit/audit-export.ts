import type { PublicKeyEntry } from './audit-signer';
import type { ChainEvent } from './chain-verifier';
import type { SignedCheckpoint } from './checkpoint';

/** The first line of an export: whose chain, which period, and the keys that sign it. */
export interface ExportHeader {
  type: 'export';
  organizationId: string;
  from: string | null;
  to: string | null;
  exportedAt: string;
  /** A period that begins after the chain's start: its first event is the starting point. */
  startsMidChain: boolean;
  publicKeys: PublicKeyEntry[];
}

/** One line of the NDJSON export (`GET /api/v1/audit/export`, `npm run audit:verify`). */
export type ExportLine =
  ExportHeader | ({ type: 'event' } & ChainEvent) | ({ type: 'checkpoint' } & SignedCheckpoint);
