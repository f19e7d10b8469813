export * from './legal-hold.service';
export * from './retention.module';
export * from './retention.service';
