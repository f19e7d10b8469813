export * from './create-outcomes';
export * from './platform-client';
export * from './platform-error';
export * from './x';
export * from './youtube';
