export {
  YoutubeClient,
  YOUTUBE_SCOPES,
  type YoutubeClientOptions,
  type YoutubePrivacy,
  type YoutubeUploadInput,
} from './youtube-client';
export {
  DEFAULT_YOUTUBE_QUOTA_COSTS,
  nextQuotaReset,
  type YoutubeOperation,
  type YoutubeQuotaCosts,
} from './youtube-quota';
export { RESUMABLE_CHUNK_UNIT, type ResumableSession } from './youtube-resumable-upload';
export { youtubeUploadTag, YOUTUBE_UPLOAD_TAG_RESERVE } from './youtube-upload-tag';
