import { Module } from '@nestjs/common';
import { ComplianceReportService } from './compliance-report.service';
import { EngagementReportService } from './engagement-report.service';

@Module({
  providers: [EngagementReportService, ComplianceReportService],
  exports: [EngagementReportService, ComplianceReportService],
})
export class ReportsModule {}
