import { parseMultipart } from '../core/multipart';
import { googleErrors } from './google-api-error';

export interface MultipartUpload {
  metadata: Buffer;
  media: { contentType: string; data: Buffer };
}

/** The metadata and media parts of an uploadType=multipart body (`multipart/related`, as googleapis sends it). */
export function parseMultipartUpload(
  contentType: string | undefined,
  body: Buffer,
): MultipartUpload {
  const related = /^multipart\/related\b/i.test(contentType ?? '');
  const [metadata, media] = (related && parseMultipart(body, contentType ?? '')) || [];
  if (!metadata || !media) {
    throw googleErrors.badRequest(
      'badContent',
      'A multipart upload needs a multipart/related body with a metadata part and a media part.',
      'global',
    );
  }
  return {
    metadata: metadata.data,
    media: { contentType: media.contentType ?? 'application/octet-stream', data: media.data },
  };
}

/** The JSON metadata part, or Google's parse error. */
export function parseMetadata<T>(part: Buffer): T {
  try {
    return JSON.parse(part.toString() || '{}') as T;
  } catch {
    throw googleErrors.badRequest('parseError', 'Parse Error', 'global');
  }
}
