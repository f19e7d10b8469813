export * from './lifecycle.module';
export * from './lifecycle.service';
export * from './transition-error';
export * from './statuses';
export * from './transitions';
