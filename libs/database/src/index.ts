export * from './data-source-options';
export * from './database.module';
export * from './snake-naming.strategy';
export * from './database-roles';
export * from './read-replica';
