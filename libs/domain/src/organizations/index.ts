export * from './organization-errors';
export * from './organization-settings';
export * from './organization-settings.service';
export * from './organization-store';
export * from './organization.entity';
export * from './organizations.module';
export * from './pause.service';
