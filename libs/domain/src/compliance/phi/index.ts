export * from './phi-finding';
export * from './phi-scanner';
export * from './published-field';
