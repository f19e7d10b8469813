export * from './phi-finding';
export * from './phi-scanner';
