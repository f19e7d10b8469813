import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { youtube_v3 } from 'googleapis';
import type { PublishedItem } from '../platform-client';
import { PlatformError } from '../platform-error';
import { isRefusal } from './youtube-errors';
import { ResumableSession, uploadResumable } from './youtube-resumable-upload';
import { YoutubeTransport } from './youtube-transport';

export interface YoutubeUploadInput {
  filePath: string;
  mimeType: string;
  sizeBytes: number;
  title: string;
  description: string;
  tags: string[];
  /** Added to `tags`: what finds this upload again after a lost answer (youtube-upload-tag.ts). */
  uploadTag?: string;
  categoryId: string;
  privacyStatus: 'private' | 'unlisted' | 'public';
  publishAt?: Date;
  madeForKids: boolean;
}

export interface UploadLimits {
  chunkSizeBytes: number;
  multipartMaxBytes: number;
}

const CAPTION_TYPES: Record<string, string> = {
  '.vtt': 'text/vtt',
  '.srt': 'application/x-subrip',
};

export const watchUrl = (videoId: string) => `https://www.youtube.com/watch?v=${videoId}`;

export function published(videoId: string | null | undefined): PublishedItem {
  if (!videoId) {
    throw new PlatformError('unknown_outcome', 'YouTube accepted the upload but returned no id');
  }
  return { externalId: videoId, url: watchUrl(videoId) };
}

/** Small files in one multipart request; larger ones resumable, continuing `session.uri` when given. */
export async function uploadVideoFile(
  transport: YoutubeTransport,
  accessToken: string,
  input: YoutubeUploadInput,
  limits: UploadLimits,
  session?: ResumableSession,
): Promise<PublishedItem> {
  const size = await readableSize(input.filePath);
  if (size !== input.sizeBytes || size === 0) {
    const problem = `${input.filePath} has ${size} bytes, expected ${input.sizeBytes}`;
    throw new PlatformError('content', problem);
  }
  const metadata = videoMetadata(input);
  if (!session?.uri && size <= limits.multipartMaxBytes) {
    return published((await insertMultipart(transport, accessToken, input, metadata)).id);
  }
  const video = await transport.call('idempotent', () =>
    uploadResumable({
      auth: transport.authFor(accessToken),
      startUrl: `${transport.root}upload/youtube/v3/videos?uploadType=resumable&part=snippet,status`,
      metadata,
      filePath: input.filePath,
      mimeType: input.mimeType,
      sizeBytes: size,
      chunkSizeBytes: limits.chunkSizeBytes,
      timeoutMs: transport.timeoutMs,
      session,
    }),
  );
  return published(video.id);
}

export async function setThumbnailFile(
  transport: YoutubeTransport,
  accessToken: string,
  videoId: string,
  file: { filePath: string; mimeType: string },
): Promise<void> {
  await readableSize(file.filePath);
  await transport.call('idempotent', () =>
    transport.youtube.thumbnails.set(
      {
        auth: transport.authFor(accessToken),
        videoId,
        media: { mimeType: file.mimeType, body: createReadStream(file.filePath) },
      },
      transport.options(),
    ),
  );
}

/** Adds a caption track; a track already there with the same language and name counts as done. */
export async function insertCaptionFile(
  transport: YoutubeTransport,
  accessToken: string,
  videoId: string,
  input: { filePath: string; language: string; name: string },
): Promise<void> {
  const mimeType =
    CAPTION_TYPES[extname(input.filePath).toLowerCase()] ?? 'application/octet-stream';
  await readableSize(input.filePath);
  try {
    await transport.call('idempotent', () =>
      transport.youtube.captions.insert(
        {
          auth: transport.authFor(accessToken),
          part: ['snippet'],
          requestBody: {
            snippet: { videoId, language: input.language, name: input.name, isDraft: false },
          },
          media: { mimeType, body: createReadStream(input.filePath) },
        },
        transport.options(),
      ),
    );
  } catch (error) {
    if (!isRefusal(error, 409)) throw error;
  }
}

async function insertMultipart(
  transport: YoutubeTransport,
  accessToken: string,
  input: YoutubeUploadInput,
  requestBody: youtube_v3.Schema$Video,
) {
  const res = await transport.call('youtube.insert', () =>
    transport.youtube.videos.insert(
      {
        auth: transport.authFor(accessToken),
        part: ['snippet', 'status'],
        requestBody,
        media: { mimeType: input.mimeType, body: createReadStream(input.filePath) },
      },
      transport.options(),
    ),
  );
  return res.data;
}

/** The file's size, or a content error: a missing media file will not appear by retrying. */
async function readableSize(filePath: string): Promise<number> {
  try {
    return (await stat(filePath)).size;
  } catch (error) {
    throw new PlatformError('content', `Cannot read ${filePath}: ${(error as Error).message}`);
  }
}

function videoMetadata(input: YoutubeUploadInput): youtube_v3.Schema$Video {
  const { title, description, categoryId, uploadTag } = input;
  const tags = uploadTag ? [...input.tags, uploadTag] : input.tags;
  return {
    snippet: { title, description, tags, categoryId },
    status: {
      privacyStatus: input.privacyStatus,
      publishAt: input.publishAt?.toISOString(),
      selfDeclaredMadeForKids: input.madeForKids,
    },
  };
}
