import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditAction } from '../audit/audit-action';
import { AuditService } from '../audit/audit.service';
import { FeedbackOwners } from '../feedback';
import { Role } from '../identity/role';
import { NotificationsService } from '../notifications/notifications.service';
import { ConversationRepository } from './conversation.repository';

// Neutral words only: a notice may be pushed to a lock screen or e-mailed; the link opens the message.
const SAFETY_NOTICE = {
  title: 'A patient-safety message is in the inbox',
  body: 'A comment or mention filed under safety has just arrived. Open it in Rounds and respond.',
};
const OVERDUE_NOTICE = {
  title: 'A message is past its response target',
  body: 'A comment or mention has waited past its response target without a response.',
};

/**
 * Who hears of patient feedback without asking: a safety message's owners at once (the admins when
 * nobody owns safety), and the admins once for a message left past its category's target.
 */
@Injectable()
export class FeedbackAlerts {
  private readonly logger = new Logger(FeedbackAlerts.name);

  constructor(
    private readonly conversations: ConversationRepository,
    private readonly owners: FeedbackOwners,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
  ) {}

  /** In the pull's transaction: push and e-mail go out once it commits. */
  async alertSafety(tx: EntityManager, organizationId: string, messageIds: string[]) {
    if (messageIds.length === 0) return;
    const owners = await this.owners.ownerIds(tx, organizationId, 'safety');
    const to = owners.length > 0 ? { toUserIds: owners } : { toRoles: [Role.Admin] };
    for (const messageId of messageIds) {
      await this.notifications.notify(tx, {
        organizationId,
        kind: 'feedback_safety',
        subjectId: messageId,
        ...SAFETY_NOTICE,
        ...to,
      });
      await this.audit.record(tx, {
        organizationId,
        actorId: null,
        action: AuditAction.ConversationSafetyAlerted,
        subjectType: 'conversation',
        subjectId: messageId,
        data: { to: owners.length > 0 ? owners : 'admins' },
      });
    }
  }

  /**
   * Escalates each message past its target to the admins, once: the mark, its audit event and
   * the notices commit together, and a message marked by an earlier or concurrent run is skipped.
   */
  async escalateOverdue(now = new Date()): Promise<{ escalated: number }> {
    let escalated = 0;
    for (const { id, organizationId } of await this.conversations.overdueUnescalated(now)) {
      const done = await this.conversations.transaction(async (tx) => {
        const late = await this.conversations.markEscalated(organizationId, id, now, tx);
        if (!late) return false;
        await this.notifications.notify(tx, {
          organizationId,
          kind: 'feedback_overdue',
          subjectId: id,
          ...OVERDUE_NOTICE,
          toRoles: [Role.Admin],
        });
        await this.audit.record(tx, {
          organizationId,
          actorId: null,
          action: AuditAction.ConversationEscalated,
          subjectType: 'conversation',
          subjectId: id,
          data: { category: late.category, dueAt: new Date(late.dueAt).toISOString() },
        });
        return true;
      });
      if (done) escalated += 1;
    }
    if (escalated > 0) this.logger.log({ escalated }, 'overdue feedback escalated');
    return { escalated };
  }
}
