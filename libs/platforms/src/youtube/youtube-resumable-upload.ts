import { open, type FileHandle } from 'node:fs/promises';
import type { Auth, youtube_v3 } from 'googleapis';
import { PlatformError } from '../platform-error';

/** Google requires every chunk but the last to be a multiple of this. */
export const RESUMABLE_CHUNK_UNIT = 256 * 1024;

export interface ResumableSession {
  /** The session URI of an earlier attempt, to continue where it stopped. */
  uri?: string;
  /** Called once a new session exists, before any byte is sent, so the caller can persist it. */
  onSession(uri: string): Promise<void>;
}

export interface ResumableUpload {
  auth: Auth.OAuth2Client;
  /** Where sessions start: `<root>/upload/youtube/v3/videos?uploadType=resumable&part=…`. */
  startUrl: string;
  metadata: youtube_v3.Schema$Video;
  filePath: string;
  mimeType: string;
  sizeBytes: number;
  chunkSizeBytes: number;
  timeoutMs: number;
  session?: ResumableSession;
}

/** Either the finished video, or how many bytes YouTube holds so far. */
type Progress = { video: youtube_v3.Schema$Video } | { offset: number };

const isSuccess = (status: number) => status >= 200 && status < 300;

/**
 * The resumable protocol the Node client lacks: POST the metadata for a session URI, PUT the file
 * in chunks (308 + Range until the last), and on resume ask the session how far it got.
 */
export async function uploadResumable(upload: ResumableUpload): Promise<youtube_v3.Schema$Video> {
  const file = await open(upload.filePath, 'r');
  try {
    let uri = upload.session?.uri;
    let progress = uri ? await queryProgress(upload, uri) : undefined;
    if (!uri || !progress) {
      uri = await startSession(upload);
      await upload.session?.onSession(uri);
      progress = { offset: 0 };
    }
    while ('offset' in progress) {
      const next = await putChunk(upload, uri, file, progress.offset);
      if ('offset' in next && next.offset <= progress.offset) {
        throw new PlatformError('transient', `YouTube kept no bytes past ${progress.offset}`);
      }
      progress = next;
    }
    return progress.video;
  } finally {
    await file.close();
  }
}

async function startSession(upload: ResumableUpload): Promise<string> {
  const res = await upload.auth.request({
    url: upload.startUrl,
    method: 'POST',
    headers: {
      'Content-Type': 'application/json; charset=UTF-8',
      'X-Upload-Content-Type': upload.mimeType,
      'X-Upload-Content-Length': String(upload.sizeBytes),
    },
    data: upload.metadata,
    timeout: upload.timeoutMs,
  });
  const location = res.headers.get('location');
  if (!location) {
    throw new PlatformError('transient', 'YouTube opened no upload session (no Location)');
  }
  return location;
}

/** Asks the session how many bytes it holds (`Content-Range: bytes *\/total`); undefined once it has expired. */
async function queryProgress(upload: ResumableUpload, uri: string): Promise<Progress | undefined> {
  const res = await upload.auth.request<youtube_v3.Schema$Video>({
    url: uri,
    method: 'PUT',
    headers: { 'Content-Range': `bytes */${upload.sizeBytes}` },
    data: Buffer.alloc(0),
    timeout: upload.timeoutMs,
    validateStatus: (status) => isSuccess(status) || [308, 404, 410].includes(status),
  });
  if (res.status === 404 || res.status === 410) return undefined;
  return progressOf(res.status, res.headers, res.data);
}

async function putChunk(upload: ResumableUpload, uri: string, file: FileHandle, offset: number) {
  const length = Math.min(upload.chunkSizeBytes, upload.sizeBytes - offset);
  const chunk = Buffer.alloc(length);
  const { bytesRead } = await file.read(chunk, 0, length, offset);
  if (bytesRead !== length) {
    throw new PlatformError(
      'content',
      `${upload.filePath} is shorter than its ${upload.sizeBytes} bytes`,
    );
  }
  const res = await upload.auth.request<youtube_v3.Schema$Video>({
    url: uri,
    method: 'PUT',
    headers: {
      'Content-Type': upload.mimeType,
      'Content-Range': `bytes ${offset}-${offset + length - 1}/${upload.sizeBytes}`,
    },
    data: chunk,
    timeout: upload.timeoutMs,
    validateStatus: (status) => isSuccess(status) || status === 308,
  });
  return progressOf(res.status, res.headers, res.data);
}

function progressOf(status: number, headers: Headers, data: youtube_v3.Schema$Video): Progress {
  if (status !== 308) return { video: data };
  const held = /^bytes=0-(\d+)$/.exec(headers.get('range') ?? '');
  return { offset: held ? Number(held[1]) + 1 : 0 };
}
