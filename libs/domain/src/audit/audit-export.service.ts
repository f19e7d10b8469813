import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ExportLine } from './audit-export';
import { chainEvents, ChainRange } from './audit-events.store';
import { AuditSigner } from './audit-signer';
import { CHECKPOINT_SINK, CheckpointSink } from './checkpoint';

/** An auditor's copy of a period of the chain, verifiable offline with `npm run audit:verify`. */
@Injectable()
export class AuditExportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CHECKPOINT_SINK) private readonly sink: CheckpointSink,
    private readonly signer: AuditSigner,
  ) {}

  /**
   * The header, the events in order (read a page at a time) and then the checkpoints that cover
   * them: the retention root they start from and every one up to the last event (every later one
   * too when the period is open-ended, so a truncated tail shows).
   */
  async *lines(organizationId: string, range: ChainRange): AsyncGenerator<ExportLine> {
    yield {
      type: 'export',
      organizationId,
      from: range.from?.toISOString() ?? null,
      to: range.to?.toISOString() ?? null,
      exportedAt: new Date().toISOString(),
      startsMidChain: range.from !== undefined,
      publicKeys: this.signer.publicKeys(),
    };
    let first: number | undefined;
    let last = 0;
    for await (const event of chainEvents(this.dataSource.manager, organizationId, range)) {
      first ??= event.seq;
      last = event.seq;
      yield { type: 'event', ...event };
    }
    const lowest = (first ?? 1) - 1;
    for (const checkpoint of await this.sink.list(organizationId)) {
      const covered = checkpoint.seq >= lowest && (!range.to || checkpoint.seq <= last);
      if (covered) yield { type: 'checkpoint', ...checkpoint };
    }
  }
}
