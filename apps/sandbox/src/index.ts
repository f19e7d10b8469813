export * from './demo-accounts';
export * from './google/google-control.client';
export * from './google/google-demo-accounts';
export * from './sandbox';
export * from './sandbox-control.client';
export * from './testing/sandbox-suite';
