export * from './compliance-finding.entity';
export * from './compliance.module';
export * from './compliance.service';
export * from './content-category';
export * from './phi';
export * from './restricted-term.entity';
export * from './restricted-terms.service';
