import { GENESIS_HASH } from './audit-action';
import { auditHash, HashedFields } from './audit-hash';
import { checkpointSignatureValid, PublicKeyEntry } from './audit-signer';
import type { SignedCheckpoint } from './checkpoint';

/** One event as stored and exported: the hashed fields, its id and its hash. */
export interface ChainEvent extends HashedFields {
  id: string;
  hash: string;
}

/** What went wrong, by name: each tampering a verifier can tell apart. */
export type ChainBreakKind =
  'edited' | 'deleted' | 'reordered' | 'truncated' | 'rehashed' | 'bad_checkpoint';

export interface ChainBreak {
  kind: ChainBreakKind;
  /** The position in the chain where it shows. */
  seq: number;
  id?: string;
  reason: string;
}

export interface ChainVerification {
  valid: boolean;
  eventsChecked: number;
  checkpointsChecked: number;
  /** The first broken link; absent when the chain is whole. */
  firstBroken?: ChainBreak;
}

export interface ChainVerifierOptions {
  /** An export of a period: its first event is taken as the starting point, not checked against the root. */
  startsMidChain?: boolean;
}

/**
 * Recomputes an organization's chain event by event (in seq order, so it streams) and checks it
 * against signed checkpoints: an edited row fails its hash, a deleted one leaves a gap, a moved
 * one breaks its link, a chain re-hashed without the key disagrees with a checkpoint, and a
 * checkpoint beyond the last event shows the newest events were deleted.
 */
export class ChainVerifier {
  private readonly bySeq = new Map<number, SignedCheckpoint>();
  private readonly roots = new Map<number, SignedCheckpoint>();
  private expectedSeq = 1;
  private expectedPrev = GENESIS_HASH;
  private started = false;
  private checked = 0;
  private broken?: ChainBreak;

  constructor(
    checkpoints: SignedCheckpoint[],
    keys: PublicKeyEntry[],
    private readonly options: ChainVerifierOptions = {},
  ) {
    for (const checkpoint of checkpoints) {
      if (!checkpointSignatureValid(checkpoint, keys)) {
        this.broken ??= {
          kind: 'bad_checkpoint',
          seq: checkpoint.seq,
          reason: `the checkpoint at event ${checkpoint.seq} signed ${checkpoint.signedAt} does not carry a valid signature of key "${checkpoint.keyId}"`,
        };
        continue;
      }
      this.bySeq.set(checkpoint.seq, checkpoint);
      if (checkpoint.kind === 'retention') this.roots.set(checkpoint.seq, checkpoint);
    }
  }

  /** Checks the next event; false once the chain is broken (later events are not looked at). */
  push(event: ChainEvent): boolean {
    if (this.broken) return false;
    if (!this.started) this.start(event);
    this.broken = this.check(event);
    if (this.broken) return false;
    this.checked += 1;
    this.expectedSeq = event.seq + 1;
    this.expectedPrev = event.hash;
    return true;
  }

  finish(): ChainVerification {
    if (!this.broken) {
      const head = this.expectedSeq - 1;
      const beyond = [...this.bySeq.values()].filter((c) => c.seq > head);
      const last = beyond.sort((a, b) => b.seq - a.seq)[0];
      if (last) {
        this.broken = {
          kind: 'truncated',
          seq: head + 1,
          reason: `events ${head + 1} to ${last.seq} were deleted from the end: the chain stops at ${head} but a checkpoint signed ${last.signedAt} covers ${last.seq}`,
        };
      }
    }
    return {
      valid: !this.broken,
      eventsChecked: this.checked,
      checkpointsChecked: this.bySeq.size,
      ...(this.broken ? { firstBroken: this.broken } : {}),
    };
  }

  /** The chain starts at 1, or right after a signed retention cut, or (a period's export) anywhere. */
  private start(event: ChainEvent): void {
    this.started = true;
    const root = this.roots.get(event.seq - 1);
    if (this.options.startsMidChain || root) {
      this.expectedSeq = event.seq;
      this.expectedPrev = root?.hash ?? event.prevHash;
    }
  }

  private check(event: ChainEvent): ChainBreak | undefined {
    const at = { seq: event.seq, id: event.id };
    if (event.seq > this.expectedSeq) {
      const missing =
        event.seq - 1 === this.expectedSeq
          ? `event ${this.expectedSeq} is`
          : `events ${this.expectedSeq} to ${event.seq - 1} are`;
      return {
        kind: 'deleted',
        seq: this.expectedSeq,
        reason: `${missing} missing: deleted from the middle of the chain`,
      };
    }
    if (event.seq < this.expectedSeq || event.prevHash !== this.expectedPrev) {
      return {
        ...at,
        kind: 'reordered',
        reason: 'its previous-hash link does not match the event before it: moved or re-linked',
      };
    }
    if (auditHash(event) !== event.hash) {
      return { ...at, kind: 'edited', reason: 'its contents do not match its hash: edited' };
    }
    const checkpoint = this.bySeq.get(event.seq);
    if (checkpoint && checkpoint.hash !== event.hash) {
      return {
        ...at,
        kind: 'rehashed',
        reason: `its hash differs from the checkpoint signed ${checkpoint.signedAt}: the chain was re-hashed`,
      };
    }
    return undefined;
  }
}
