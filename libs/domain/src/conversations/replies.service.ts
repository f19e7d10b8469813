import type { JsonObject } from '../common/json';
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { JobName, JobProducer } from '@rounds/queue';
import { policyRequirement } from '../approvals/approval-policy';
import type { FindingOverride } from '../approvals/approval.entity';
import { ReviewRules } from '../approvals/review-rules.service';
import { AuditAction } from '../audit/audit-action';
import { AuditService } from '../audit/audit.service';
import { InvalidInputError, NotFoundError } from '../common/domain-error';
import { ComplianceService } from '../compliance/compliance.service';
import { PhiScanner } from '../compliance/phi';
import { Actor } from '../identity/actor';
import { Lifecycle } from '../lifecycle/lifecycle.service';
import { Role } from '../identity/role';
import { NotificationsService } from '../notifications/notifications.service';
import { completePolicy } from '../organizations/organization-settings';
import { loadOrganization } from '../organizations/organization-store';
import { InvalidTransitionError } from '../lifecycle/transition-error';
import { ConversationMessageEntity } from './conversation-message.entity';
import type { ReplyStatus } from '../lifecycle/statuses';
import { ConversationReplyEntity } from './conversation-reply.entity';
import { ReplyView, replyView } from './conversation-views';
import { ConversationRepository } from './conversation.repository';
import type { ReplyFinding } from './reply-finding';
import { checkReplyText } from './reply-text';
import { ReplyTemplateEntity } from './reply-template.entity';
import { TemplateNotApprovedError } from './reply-templates.service';

export interface ReplyInput {
  text?: string;
  templateId?: string;
}

export interface ReplyDecision {
  comment?: string;
  overrides?: FindingOverride[];
}

/** The worker retries a send a few times; the conversations sweep takes over after that. */
export const SEND_REPLY_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 15_000, jitter: 0.5 },
} as const;

/** Replies to inbox messages: drafted and scanned, approved by compliance (or a template), queued to send. */
@Injectable()
export class RepliesService {
  private readonly scanner = new PhiScanner();

  constructor(
    private readonly conversations: ConversationRepository,
    private readonly compliance: ComplianceService,
    private readonly audit: AuditService,
    private readonly producer: JobProducer,
    private readonly rules: ReviewRules,
    private readonly lifecycle: Lifecycle,
    private readonly notifications: NotificationsService,
  ) {}

  /** A reply with its own text goes to review; one from a template is approved already and sent. */
  async draft(actor: Actor, messageId: string, input: ReplyInput): Promise<ReplyView> {
    if ((input.text === undefined) === (input.templateId === undefined)) {
      throw new InvalidInputError('text', 'give either text or templateId, not both');
    }
    const { organizationId } = actor;
    const reply = await this.conversations.transaction(async (tx) => {
      const message = await this.conversations.message(organizationId, messageId, tx);
      if (!message) throw new NotFoundError('conversation');
      const fields = input.templateId
        ? await this.fromTemplate(tx, actor, input.templateId, message)
        : await this.forReview(tx, actor, input.text!, message);
      const draft = await this.conversations.insertReply(
        organizationId,
        {
          messageId: message.id,
          channelId: message.channelId,
          platform: message.platform,
          authorId: actor.userId,
          externalId: null,
          url: null,
          error: null,
          sentAt: null,
          ...fields,
        },
        tx,
      );
      await this.record(tx, actor, AuditAction.ReplyDrafted, draft, {
        messageId: message.id,
        templateId: draft.templateId,
        status: draft.status,
        findings: draft.findings.map((f) => ({ id: f.id, kind: f.kind, severity: f.severity })),
      });
      if (draft.status === 'in_review') {
        // Never the reply's words: the notice may be pushed to a lock screen or e-mailed.
        await this.notifications.notify(tx, {
          organizationId: actor.organizationId,
          kind: 'reply_submitted',
          subjectId: draft.id,
          title: 'A reply is waiting for review',
          body: 'A reply to a comment or mention was submitted for compliance review.',
          toRoles: [Role.Compliance],
        });
      }
      return draft;
    });
    if (reply.status === 'approved') await this.enqueueSend(reply);
    return replyView(reply, 0);
  }

  async approve(actor: Actor, replyId: string, decision: ReplyDecision): Promise<ReplyView> {
    const { organizationId } = actor;
    const { reply, approvals } = await this.conversations.transaction(async (tx) => {
      const reply = await this.lockInReview(tx, actor, replyId, 'approved');
      const outcome = await this.rules.approval(
        tx,
        actor,
        {
          authors: [reply.authorId],
          findings: reply.findings,
          policy: {
            required: reply.requiredApprovals,
            approvals: await this.conversations.approvalsOf(organizationId, replyId, tx),
          },
        },
        decision.overrides ?? [],
        'reply',
      );
      const comment = decision.comment?.trim() || null;
      await this.conversations.insertApproval(
        organizationId,
        {
          replyId,
          approverId: actor.userId,
          decision: 'approve',
          comment,
          overrides: outcome.overrides,
        },
        tx,
      );
      for (const override of outcome.overrides) {
        await this.record(tx, actor, AuditAction.PhiFindingOverridden, reply, { ...override });
      }
      const event = {
        actorId: actor.userId,
        action: AuditAction.ReplyApproved,
        data: { comment, policyMet: outcome.policyMet },
      };
      if (outcome.policyMet) {
        const set = { approvedAt: new Date() };
        await this.lifecycle.move(tx, { kind: 'reply', row: reply, to: 'approved', set, event });
      } else {
        await this.record(tx, actor, event.action, reply, event.data);
      }
      return { reply, approvals: outcome.approvals };
    });
    if (reply.status === 'approved') await this.enqueueSend(reply);
    return replyView(reply, approvals);
  }

  async reject(actor: Actor, replyId: string, comment: string): Promise<ReplyView> {
    if (comment.trim() === '') {
      throw new InvalidInputError('comment', 'comment is required: tell the author what to change');
    }
    return this.conversations.transaction(async (tx) => {
      const reply = await this.lockInReview(tx, actor, replyId, 'rejected');
      const rejection = { replyId, approverId: actor.userId, comment: comment.trim() };
      await this.conversations.insertApproval(
        actor.organizationId,
        { ...rejection, decision: 'reject', overrides: [] },
        tx,
      );
      await this.lifecycle.move(tx, {
        kind: 'reply',
        row: reply,
        to: 'rejected',
        event: {
          actorId: actor.userId,
          action: AuditAction.ReplyRejected,
          data: { comment: comment.trim() },
        },
      });
      return replyView(reply, 0);
    });
  }

  /** The organization's replies, newest first; `status` narrows (e.g. in_review: the review queue). */
  async list(actor: Actor, status?: ReplyStatus): Promise<ReplyView[]> {
    const replies = await this.conversations.replies(actor.organizationId, status);
    return this.withApprovals(actor.organizationId, replies);
  }

  /** Views of replies with how many approvals each has. */
  async withApprovals(
    organizationId: string,
    replies: ConversationReplyEntity[],
  ): Promise<ReplyView[]> {
    const byReply = await this.conversations.approvalCounts(
      organizationId,
      replies.map((r) => r.id),
    );
    return replies.map((r) => replyView(r, byReply.get(r.id) ?? 0));
  }

  /** Queued once per reply (the job id); the sender's state check makes a second run harmless. */
  enqueueSend(reply: Pick<ConversationReplyEntity, 'id' | 'organizationId'>, suffix = '') {
    return this.producer.enqueue(
      JobName.SendReply,
      { organizationId: reply.organizationId, replyId: reply.id },
      { ...SEND_REPLY_OPTIONS, jobId: `reply-${reply.id}${suffix}` },
    );
  }

  private async forReview(
    tx: EntityManager,
    actor: Actor,
    text: string,
    message: ConversationMessageEntity,
  ) {
    const checked = checkReplyText(text, message.platform);
    const organization = await loadOrganization(tx, actor.organizationId);
    const context = await this.compliance.scanContext(tx, actor.organizationId);
    const findings: ReplyFinding[] = this.scanner
      .scanReply(checked, context)
      .map((f) => ({ ...f, id: randomUUID(), field: 'text' }));
    const { required } = policyRequirement(
      completePolicy(organization.approvalPolicy),
      [message.platform],
      [],
    );
    return {
      text: checked,
      templateId: null,
      status: 'in_review' as const,
      findings,
      requiredApprovals: required,
    };
  }

  private async fromTemplate(
    tx: EntityManager,
    actor: Actor,
    templateId: string,
    message: ConversationMessageEntity,
  ) {
    const template = await tx.findOneBy(ReplyTemplateEntity, {
      organizationId: actor.organizationId,
      id: templateId,
    });
    if (!template)
      throw new InvalidInputError('templateId', 'templateId names no reply template of yours');
    if (!template.approvedAt) throw new TemplateNotApprovedError();
    return {
      text: checkReplyText(template.text, message.platform, 'templateId'),
      templateId: template.id,
      status: 'approved' as const,
      findings: template.findings,
      requiredApprovals: 0,
      approvedAt: new Date(),
    };
  }

  private async lockInReview(tx: EntityManager, actor: Actor, replyId: string, to: ReplyStatus) {
    const reply = await this.conversations.lockReply(actor.organizationId, replyId, tx);
    if (!reply) throw new NotFoundError('reply');
    if (reply.status !== 'in_review') {
      throw new InvalidTransitionError(
        'reply',
        reply.status,
        to,
        `a ${reply.status} reply is not waiting for review`,
      );
    }
    return reply;
  }

  private record(
    tx: EntityManager,
    actor: Actor,
    action: AuditAction,
    reply: ConversationReplyEntity,
    data: JsonObject,
  ) {
    return this.audit.record(tx, {
      organizationId: reply.organizationId,
      actorId: actor.userId,
      action,
      subjectType: 'conversation_reply',
      subjectId: reply.id,
      data,
    });
  }
}
