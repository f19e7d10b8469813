import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  AuditChainService,
  FeedbackAlerts,
  OrganizationEntity,
  RetentionService,
} from '@rounds/domain';
import { JobName, QueueName } from '@rounds/queue';
import { JobHandlers, JobProcessor } from './job-processor';

@Injectable()
export class MaintenanceProcessor extends JobProcessor {
  readonly queue = QueueName.Maintenance;
  private readonly logger = new Logger(MaintenanceProcessor.name);

  constructor(
    private readonly chains: AuditChainService,
    private readonly retention: RetentionService,
    private readonly feedback: FeedbackAlerts,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    super();
  }

  readonly handlers: JobHandlers = {
    [JobName.VerifyAuditChains]: () => this.verifyAuditChains(),
    [JobName.CheckpointAuditChains]: () => this.chains.checkpointHeads(),
    [JobName.ApplyRetention]: () => this.retention.applyAll(),
    [JobName.EscalateOverdueFeedback]: () => this.feedback.escalateOverdue(),
  };

  /** Nightly proof that no audit chain was tampered with; a break is logged as an error. */
  private async verifyAuditChains() {
    const organizations = await this.dataSource
      .getRepository(OrganizationEntity)
      .find({ select: { id: true } });
    const broken: string[] = [];
    for (const { id } of organizations) {
      const result = await this.chains.verify(id);
      if (!result.valid) {
        broken.push(id);
        this.logger.error(
          { organizationId: id, firstBroken: result.firstBroken },
          'audit chain broken',
        );
      }
    }
    return { organizations: organizations.length, broken };
  }
}
