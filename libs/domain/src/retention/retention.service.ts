import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig } from '@rounds/config';
import { DataSource, IsNull } from 'typeorm';
import { AuditAction } from '../audit/audit-action';
import { AuditService } from '../audit/audit.service';
import { AuditSigner } from '../audit/audit-signer';
import { CHECKPOINT_SINK, CheckpointSink } from '../audit/checkpoint';
import { OrganizationEntity } from '../organizations/organization.entity';

interface Cut {
  through_seq: string | null;
  through_hash: string | null;
  events: string;
  revisions: string;
  approvals: string;
  consent_records: string;
}

/**
 * The daily retention job: deletes audit events, revisions, approvals and consent records older
 * than RETENTION_YEARS, except under a legal hold. The deletion itself is the database's
 * `apply_retention` (the only way such rows can leave); the cut is signed and becomes the root the
 * chain is verified from.
 */
@Injectable()
export class RetentionService {
  private readonly logger = new Logger(RetentionService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CHECKPOINT_SINK) private readonly sink: CheckpointSink,
    private readonly signer: AuditSigner,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  async applyAll(): Promise<{ organizations: number; cut: string[] }> {
    const organizations = await this.dataSource
      .getRepository(OrganizationEntity)
      .find({ select: { id: true }, where: { legalHoldSince: IsNull() } });
    const cut: string[] = [];
    for (const { id } of organizations) {
      if (await this.apply(id)) cut.push(id);
    }
    return { organizations: organizations.length, cut };
  }

  /** One organization's cut; the signed root is written before the deletion commits. */
  apply(organizationId: string): Promise<boolean> {
    return this.dataSource.transaction(async (tx) => {
      const [cut] = (await tx.query('SELECT * FROM apply_retention($1, $2)', [
        organizationId,
        this.config.RETENTION_YEARS,
      ])) as Cut[];
      if (cut.through_seq === null) return false;
      const throughSeq = Number(cut.through_seq);
      await this.sink.append(
        this.signer.sign({
          organizationId,
          kind: 'retention',
          seq: throughSeq,
          hash: cut.through_hash!,
          signedAt: new Date().toISOString(),
        }),
      );
      const data = {
        years: this.config.RETENTION_YEARS,
        throughSeq,
        events: Number(cut.events),
        revisions: Number(cut.revisions),
        approvals: Number(cut.approvals),
        consentRecords: Number(cut.consent_records),
      };
      await this.audit.record(tx, {
        organizationId,
        actorId: null,
        action: AuditAction.RetentionApplied,
        subjectType: 'organization',
        subjectId: organizationId,
        data,
      });
      this.logger.log({ organizationId, ...data }, 'retention applied');
      return true;
    });
  }
}
