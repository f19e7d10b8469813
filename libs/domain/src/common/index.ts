export * from './canonical-json';
export * from './database-availability';
export * from './domain-error';
export * from './tenant-entity';
