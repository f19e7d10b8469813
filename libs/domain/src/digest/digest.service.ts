import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, MoreThanOrEqual, Not } from 'typeorm';
import { AppConfig } from '@rounds/config';
import { JobName, JobProducer } from '@rounds/queue';
import { AuditAction } from '../audit/audit-action';
import { AuditService } from '../audit/audit.service';
import { Role } from '../identity/role';
import { UserEntity } from '../identity/user.entity';
import { MailerService } from '../mail/mailer.service';
import { OrganizationEntity } from '../organizations/organization.entity';
import { loadOrganization } from '../organizations/organization-store';
import { EngagementReportService } from '../reports/engagement-report.service';
import { renderDigest } from './digest-email';
import { DigestSendEntity } from './digest-send.entity';
import { digestWeek } from './digest-week';

export type DigestOutcome = 'sent' | 'already_sent' | 'mail_off' | 'mail_failed';

/** A claim older than this belongs to a worker that died before sending; it may be retaken. */
const CLAIM_TIMEOUT = '1 hour';

/** The weekly digest: an hourly sweep finds organizations whose Monday 08:00 has passed. */
@Injectable()
export class DigestService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reports: EngagementReportService,
    private readonly mailer: MailerService,
    private readonly audit: AuditService,
    private readonly producer: JobProducer,
    private readonly config: AppConfig,
  ) {}

  /** Queues one send per organization and week that is due and not sent yet. */
  async sweep(now = new Date()): Promise<number> {
    const organizations = await this.dataSource
      .getRepository(OrganizationEntity)
      .find({ select: { id: true, timeZone: true } });
    // Any organization's current Monday is at most 8 days back.
    const recent = new Date(now.getTime() - 8 * 86_400_000).toISOString().slice(0, 10);
    const sent = await this.dataSource.getRepository(DigestSendEntity).find({
      where: { sentAt: Not(IsNull()), weekStart: MoreThanOrEqual(recent) },
      select: { organizationId: true, weekStart: true },
    });
    const done = new Set(sent.map((s) => `${s.organizationId}|${s.weekStart}`));
    const due = organizations
      .map((o) => ({ organizationId: o.id, ...digestWeek(now, o.timeZone) }))
      .filter((d) => d.due && !done.has(`${d.organizationId}|${d.weekStart}`));
    // One job per hour at most; the claim row, not the job id, makes the send happen once.
    const hour = Math.floor(now.getTime() / 3_600_000);
    await this.producer.enqueueBulk(
      JobName.SendDigest,
      due.map(({ organizationId, weekStart }) => ({
        data: { organizationId, weekStart },
        opts: { jobId: `digest-${organizationId}-${weekStart}-${hour}` },
      })),
    );
    return due.length;
  }

  /** Sends the week's digest unless it went out already; exactly once through the claim row. */
  async send(organizationId: string, weekStart: string): Promise<DigestOutcome> {
    if (!this.mailer.enabled) return 'mail_off';
    if (!(await this.claim(organizationId, weekStart))) return 'already_sent';
    const organization = await loadOrganization(this.dataSource.manager, organizationId);
    const week = digestWeek(new Date(`${weekStart}T12:00:00Z`), organization.timeZone);
    const report = await this.reports.report(organizationId, {
      from: week.reportFrom,
      to: week.reportTo,
    });
    const executives = await this.dataSource.getRepository(UserEntity).find({
      where: { organizationId, role: Role.Executive, disabledAt: IsNull() },
      select: { email: true },
    });
    const email = renderDigest(
      organization.name,
      report,
      `${this.config.PUBLIC_URL.replace(/\/+$/, '')}/reports`,
    );
    const to = executives.map((u) => u.email);
    if (to.length > 0 && !(await this.mailer.send({ to, ...email }))) {
      await this.release(organizationId, weekStart);
      return 'mail_failed';
    }
    await this.dataSource.transaction(async (tx) => {
      await tx.update(
        DigestSendEntity,
        { organizationId, weekStart },
        { sentAt: new Date(), recipients: to.length },
      );
      await this.audit.record(tx, {
        organizationId,
        actorId: null,
        action: AuditAction.DigestSent,
        subjectType: 'organization',
        subjectId: organizationId,
        data: { weekStart, recipients: to.length, period: report.period },
      });
    });
    return 'sent';
  }

  /** Inserts the send row, or retakes one whose claim timed out; false if sent or being sent. */
  private async claim(organizationId: string, weekStart: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO digest_sends AS d (organization_id, week_start, claimed_at) VALUES ($1, $2, now())
       ON CONFLICT (organization_id, week_start) DO UPDATE SET claimed_at = now()
       WHERE d.sent_at IS NULL AND d.claimed_at < now() - interval '${CLAIM_TIMEOUT}'
       RETURNING 1`,
      [organizationId, weekStart],
    );
    return rows.length === 1;
  }

  /** The send failed: the next attempt may claim it at once. */
  private async release(organizationId: string, weekStart: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE digest_sends SET claimed_at = '-infinity' WHERE organization_id = $1 AND week_start = $2 AND sent_at IS NULL`,
      [organizationId, weekStart],
    );
  }
}
