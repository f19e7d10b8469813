export * from './read-area';
export * from './read-version.entity';
export * from './read-versions.module';
export * from './read-versions.service';
