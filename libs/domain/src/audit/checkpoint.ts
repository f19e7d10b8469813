/**
 * A signed statement of an organization's chain head, kept outside PostgreSQL. `retention` marks a
 * cut: events up to `seq` were deleted by the retention job and `hash` is the new root.
 */
export interface Checkpoint {
  organizationId: string;
  kind: 'head' | 'retention';
  seq: number;
  hash: string;
  signedAt: string;
  keyId: string;
}

export interface SignedCheckpoint extends Checkpoint {
  /** Ed25519 over the RFC 8785 form of the other fields, base64url. */
  signature: string;
}

/** Where checkpoints go: append-only storage out of reach of the application's database login. */
export interface CheckpointSink {
  append(checkpoint: SignedCheckpoint): Promise<void>;
  /** Every checkpoint of the organization, oldest first. */
  list(organizationId: string): Promise<SignedCheckpoint[]>;
}

export const CHECKPOINT_SINK = Symbol('CheckpointSink');
