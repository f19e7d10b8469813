export * from './database-availability';
export * from './json';
export * from './domain-error';
export * from './tenant-entity';
export * from './storable-text';
export * from './expiring-cache';
export * from './text-model';
