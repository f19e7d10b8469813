import { Module } from '@nestjs/common';
import { ComplianceReportService } from './compliance-report.service';
import { EngagementReportService } from './engagement-report.service';
import { FeedbackReportService } from './feedback-report.service';

@Module({
  providers: [EngagementReportService, ComplianceReportService, FeedbackReportService],
  exports: [EngagementReportService, ComplianceReportService, FeedbackReportService],
})
export class ReportsModule {}
