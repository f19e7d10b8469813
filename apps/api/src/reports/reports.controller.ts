import { Controller, Get, Headers, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import {
  Actor,
  complianceCsv,
  ComplianceReportService,
  engagementCsv,
  EngagementReportService,
  feedbackCsv,
  FeedbackReportService,
  Permission,
  ReadArea,
} from '@rounds/domain';
import { AuthenticatedRequest, CurrentActor, Requires } from '../common/access.decorators';
import { ReadCache } from '../common/read-cache';
import {
  ComplianceReportDto,
  EngagementQueryDto,
  EngagementReportDto,
  FeedbackReportDto,
  PeriodQueryDto,
} from './reports.dto';

/** `Accept: text/csv` (before JSON, or alone) asks for CSV. */
const wantsCsv = (accept = '') => /text\/csv/i.test(accept) && !/^application\/json/i.test(accept);

/** The default period ends today in the organization's zone: every zone's midnight is on a quarter hour. */
const quarterHour = () => String(Math.floor(Date.now() / 900_000));

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
    private readonly reads: ReadCache,
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
    @Req() req: Request & AuthenticatedRequest,
    @Res() res: Response,
  ): Promise<void> {
    const report = () => this.engagement.report(actor.organizationId, query);
    if (wantsCsv(accept)) {
      const csv = await report();
      res.send(sendCsv(res, 'engagement', csv.period, engagementCsv(csv)));
      return;
    }
    const options = { view: 'engagement', area: ReadArea.Reports, varies: [quarterHour()] };
    await this.reads.send(req, res, options, async () => ({ body: await report() }));
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
