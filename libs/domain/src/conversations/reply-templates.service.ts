import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditAction } from '../audit/audit-action';
import { AuditService } from '../audit/audit.service';
import {
  ConflictError,
  DomainError,
  DomainErrorCode,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
} from '../common/domain-error';
import { ComplianceService } from '../compliance/compliance.service';
import { PhiScanner } from '../compliance/phi';
import { Actor } from '../identity/actor';
import { RoleGrantsService } from '../identity/role-grants.service';
import type { ReplyFinding } from './reply-finding';
import { checkReplyText } from './reply-text';
import { ReplyTemplateEntity, type TemplatePurpose } from './reply-template.entity';

export interface TemplateInput {
  name: string;
  text: string;
  purpose?: TemplatePurpose;
}

/**
 * Pre-approved replies. Compliance or an admin writes one (scanned like a reply, refused while
 * the scan finds anything that would block one); a second person, a compliance officer who did
 * not write it, approves it before anyone may send it. Every organization starts with a seeded
 * take-it-private set (written by nobody there), which a compliance officer approves the same way.
 */
@Injectable()
export class ReplyTemplatesService {
  private readonly scanner = new PhiScanner();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly compliance: ComplianceService,
    private readonly audit: AuditService,
    private readonly roleGrants: RoleGrantsService,
  ) {}

  list(actor: Actor): Promise<ReplyTemplateEntity[]> {
    return this.dataSource
      .getRepository(ReplyTemplateEntity)
      .find({ where: { organizationId: actor.organizationId }, order: { name: 'ASC' } });
  }

  async create(actor: Actor, input: TemplateInput): Promise<ReplyTemplateEntity> {
    const name = input.name.trim();
    if (name === '') throw new InvalidInputError('name', 'name must not be empty');
    // Either platform may receive it, so X's stricter length applies.
    const text = checkReplyText(input.text, null);
    return this.dataSource.transaction(async (tx) => {
      const context = await this.compliance.scanContext(tx, actor.organizationId);
      const findings: ReplyFinding[] = this.scanner
        .scanReply(text, context)
        .map((f) => ({ ...f, id: randomUUID(), field: 'text' }));
      const blocking = findings.filter((f) => f.severity === 'block');
      if (blocking.length > 0) throw new BlockedTemplateError(blocking);
      if (await tx.existsBy(ReplyTemplateEntity, { organizationId: actor.organizationId, name })) {
        throw new ConflictError(`a reply template named "${name}" exists already`, 'name');
      }
      const template = await tx.save(
        tx.create(ReplyTemplateEntity, {
          organizationId: actor.organizationId,
          name,
          text,
          purpose: input.purpose ?? 'general',
          createdById: actor.userId,
          findings,
        }),
      );
      await this.audit.record(tx, {
        organizationId: actor.organizationId,
        actorId: actor.userId,
        action: AuditAction.ReplyTemplateCreated,
        subjectType: 'reply_template',
        subjectId: template.id,
        data: { name, purpose: template.purpose, warnings: findings.map((f) => f.kind) },
      });
      return template;
    });
  }

  /** The second pair of eyes: a compliance officer other than its author. */
  async approve(actor: Actor, templateId: string): Promise<ReplyTemplateEntity> {
    return this.dataSource.transaction(async (tx) => {
      const template = await tx.findOne(ReplyTemplateEntity, {
        where: { organizationId: actor.organizationId, id: templateId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!template) throw new NotFoundError('reply template');
      if (template.approvedAt) throw new ConflictError('this template is approved already');
      if (template.createdById === actor.userId) {
        throw new ForbiddenError(
          'you wrote this template; another compliance officer must approve it',
        );
      }
      const authors = template.createdById ? [template.createdById] : [];
      await this.roleGrants.assertMayApproveWorkOf(tx, actor, authors);
      Object.assign(template, { approvedAt: new Date(), approvedById: actor.userId });
      await tx.save(template);
      await this.audit.record(tx, {
        organizationId: actor.organizationId,
        actorId: actor.userId,
        action: AuditAction.ReplyTemplateApproved,
        subjectType: 'reply_template',
        subjectId: template.id,
        data: { name: template.name },
      });
      return template;
    });
  }
}

/** Until a second person approved it, a template cannot be sent. */
export class TemplateNotApprovedError extends DomainError {
  constructor() {
    super(
      DomainErrorCode.PreconditionFailed,
      'this template awaits approval by a compliance officer who did not write it',
      'templateId',
    );
  }
}

/** A template is sent without review, so no finding of it can be overridden. */
export class BlockedTemplateError extends DomainError {
  constructor(findings: ReplyFinding[]) {
    super(
      DomainErrorCode.PreconditionFailed,
      `text cannot be a template: ${findings.map((f) => `${f.kind} ("${f.text}"): ${f.reason}`).join('; ')}`,
      'text',
      { findings },
    );
  }
}
