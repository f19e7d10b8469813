export * from './app-config';
export * from './config.module';
export * from './logging';
export * from './production-guards';
