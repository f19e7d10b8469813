export * from './youtube-client';
export * from './youtube-errors';
export * from './youtube-quota';
export { RESUMABLE_CHUNK_UNIT } from './youtube-resumable-upload';
export type { ResumableSession } from './youtube-resumable-upload';
