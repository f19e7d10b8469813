import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig } from '@rounds/config';
import { DataSource } from 'typeorm';
import { AuditSigner } from './audit-signer';
import { chainEvents, chainHeads } from './audit-events.store';
import { ChainVerification, ChainVerifier } from './chain-verifier';
import { CHECKPOINT_SINK, CheckpointSink } from './checkpoint';

const MINUTE = 60_000;

/** Verifies each organization's chain against its signed checkpoints, and signs new heads. */
@Injectable()
export class AuditChainService {
  private readonly logger = new Logger(AuditChainService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CHECKPOINT_SINK) private readonly sink: CheckpointSink,
    private readonly signer: AuditSigner,
    private readonly config: AppConfig,
  ) {}

  /** Recomputes every hash and link in order and checks them against every checkpoint. */
  async verify(organizationId: string): Promise<ChainVerification> {
    const checkpoints = await this.sink.list(organizationId);
    const verifier = new ChainVerifier(checkpoints, this.signer.publicKeys());
    for await (const event of chainEvents(this.dataSource.manager, organizationId)) {
      if (!verifier.push(event)) break;
    }
    return verifier.finish();
  }

  /**
   * Signs the head of every chain with AUDIT_CHECKPOINT_EVERY_EVENTS new events, or with any new
   * event once AUDIT_CHECKPOINT_EVERY_MINUTES have passed since the last checkpoint.
   */
  async checkpointHeads(now = new Date()): Promise<{ signed: string[] }> {
    const signed: string[] = [];
    for (const head of await chainHeads(this.dataSource.manager)) {
      const last = (await this.sink.list(head.organizationId)).at(-1);
      const pending = head.seq - (last?.seq ?? 0);
      if (pending <= 0) continue;
      const due =
        pending >= this.config.AUDIT_CHECKPOINT_EVERY_EVENTS ||
        now.getTime() - (last ? Date.parse(last.signedAt) : 0) >=
          this.config.AUDIT_CHECKPOINT_EVERY_MINUTES * MINUTE;
      if (!due) continue;
      await this.sink.append(
        this.signer.sign({
          organizationId: head.organizationId,
          kind: 'head',
          seq: head.seq,
          hash: head.hash,
          signedAt: now.toISOString(),
        }),
      );
      signed.push(head.organizationId);
    }
    if (signed.length > 0) this.logger.log({ organizations: signed.length }, 'audit heads signed');
    return { signed };
  }
}
