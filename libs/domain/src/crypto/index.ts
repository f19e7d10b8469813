export * from './crypto.module';
export * from './token-cipher';
