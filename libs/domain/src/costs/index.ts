export * from './cost-preview.service';
export * from './costs.module';
export * from './post-costs';
