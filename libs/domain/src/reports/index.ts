export * from './compliance-report';
export * from './compliance-report.service';
export * from './engagement-report';
export * from './engagement-report.service';
export * from './report-csv';
export * from './report-figures';
export * from './report-period';
export * from './reports.module';
