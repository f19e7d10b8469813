export * from './audit';
export * from './common';
export * from './entities';
export * from './identity';
export * from './organizations';
