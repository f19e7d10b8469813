import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  Actor,
  complianceCsv,
  ComplianceReportService,
  engagementCsv,
  EngagementReportService,
  feedbackCsv,
  FeedbackReportService,
  Permission,
} from '@rounds/domain';
import { CurrentActor, Requires } from '../common/access.decorators';
import {
  ComplianceReportDto,
  EngagementQueryDto,
  EngagementReportDto,
  FeedbackReportDto,
  PeriodQueryDto,
} from './reports.dto';

/** `Accept: text/csv` (before JSON, or alone) asks for CSV. */
const wantsCsv = (accept = '') => /text\/csv/i.test(accept) && !/^application\/json/i.test(accept);

/** Sends `csv` as a download named after the report and its period. */
function sendCsv(
  res: Response,
  name: string,
  period: { from: string; to: string },
  csv: string,
): string {
  res.set({
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${name}-${period.from}-to-${period.to}.csv"`,
  });
  return csv;
}

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly engagement: EngagementReportService,
    private readonly compliance: ComplianceReportService,
    private readonly feedback: FeedbackReportService,
  ) {}

  /** KPIs against the previous period, a series, top posts and channels; every figure with its formula. */
  @Get('engagement')
  @Requires(Permission.ReadReports)
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: EngagementReportDto })
  async engagementReport(
    @CurrentActor() actor: Actor,
    @Query() query: EngagementQueryDto,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<EngagementReportDto | string> {
    const report = await this.engagement.report(actor.organizationId, query);
    return wantsCsv(accept)
      ? sendCsv(res, 'engagement', report.period, engagementCsv(report))
      : report;
  }

  /** Approval cycle time, rejections by reason, PHI findings, overrides and pauses. */
  @Get('compliance')
  @Requires(Permission.ReadReports)
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: ComplianceReportDto })
  async complianceReport(
    @CurrentActor() actor: Actor,
    @Query() query: PeriodQueryDto,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ComplianceReportDto | string> {
    const report = await this.compliance.report(actor.organizationId, query);
    return wantsCsv(accept)
      ? sendCsv(res, 'compliance', report.period, complianceCsv(report))
      : report;
  }

  /** Patient feedback: messages by category, median time to first response, overdue. */
  @Get('feedback')
  @Requires(Permission.ReadReports)
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: FeedbackReportDto })
  async feedbackReport(
    @CurrentActor() actor: Actor,
    @Query() query: PeriodQueryDto,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<FeedbackReportDto | string> {
    const report = await this.feedback.report(actor.organizationId, query);
    return wantsCsv(accept) ? sendCsv(res, 'feedback', report.period, feedbackCsv(report)) : report;
  }
}
