import { MediaKind } from './media.entity';

const MB = 1024 * 1024;

export const ACCEPTED_TYPES =
  'an image (PNG, JPEG, GIF, WebP), a video (MP4, QuickTime, WebM) or a caption track (WebVTT, SRT)';

/** The most bytes one upload of each kind may carry; videos are configurable. */
export function maxBytes(kind: MediaKind, maxVideoBytes: number): number {
  switch (kind) {
    case 'image':
      return 5 * MB;
    case 'caption':
      return 1 * MB;
    case 'video':
      return maxVideoBytes;
  }
}

export function describeBytes(bytes: number): string {
  if (bytes >= 1024 * MB) return `${+(bytes / (1024 * MB)).toFixed(2)} GB`;
  if (bytes >= MB) return `${+(bytes / MB).toFixed(2)} MB`;
  return `${bytes} bytes`;
}
