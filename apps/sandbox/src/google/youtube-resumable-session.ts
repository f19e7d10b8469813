import type { Request, Response } from 'express';
import type { Caller } from './google-api-call';
import { googleErrors } from './google-api-error';
import { GoogleState, UploadSession } from './google-state';
import { parseMetadata } from './youtube-multipart';
import { renderVideo } from './youtube-resources';
import { readVideoFields } from './youtube-video-fields';

/** Google's minimum for every chunk but the last of a resumable upload. */
const MIN_CHUNK = 256 * 1024;

const badContent = (message: string) => googleErrors.badRequest('badContent', message, 'global');

export const mediaRequired = () =>
  googleErrors.badRequest(
    'mediaBodyRequired',
    'The request does not include the video content.',
    'youtube.video',
  );

/** Opens a resumable session (quota was charged for it, once) and answers its URI in Location. */
export function startSession(req: Request, res: Response, context: SessionStart): void {
  const { state, caller, parts, baseUrl } = context;
  const fields = readVideoFields(parseMetadata(context.body), parts, state.now());
  const declared = req.headers['x-upload-content-length'];
  const session = state.newUploadSession({
    channelId: caller.account.channelId,
    fields,
    parts: [...parts],
    mimeType: String(req.headers['x-upload-content-type'] ?? 'application/octet-stream'),
    totalBytes: declared === undefined ? undefined : Number(declared),
  });
  const location = new URL('/upload/youtube/v3/videos', baseUrl);
  const query = { uploadType: 'resumable', part: [...parts].join(','), upload_id: session.id };
  location.search = new URLSearchParams(query).toString();
  res.setHeader('X-GUploader-UploadID', session.id);
  res.setHeader('Location', location.toString());
  res.status(200).end();
}

export interface SessionStart {
  state: GoogleState;
  caller: Caller;
  parts: Set<string>;
  body: Buffer;
  baseUrl: string;
}

/** One PUT to a session: 308 with the kept Range until the last byte, then 201 and the Video. */
export function receiveChunk(
  state: GoogleState,
  session: UploadSession,
  req: Request,
  sent: Buffer,
  res: Response,
) {
  const range = contentRange(req, sent.length);
  if (session.videoId) return answerCompleted(state, session, res);
  if (range.total !== undefined) session.totalBytes ??= range.total;
  if (range.total !== undefined && range.total !== session.totalBytes) {
    throw badContent(
      `The total size ${range.total} does not match the declared ${session.totalBytes} bytes.`,
    );
  }
  if (range.start !== undefined && range.end !== undefined) {
    keepBytes(session, range.start, range.end, sent);
  }
  if (session.totalBytes !== undefined && session.received === session.totalBytes) {
    return finish(state, session, res);
  }
  if (session.received > 0) res.setHeader('Range', `bytes=0-${session.received - 1}`);
  res.status(308).end();
}

// Parses `bytes a-b/total`, the status query `bytes */total`, or no header (the whole file at once).
function contentRange(req: Request, length: number) {
  const header = req.headers['content-range'];
  if (header === undefined) return { start: 0, end: length - 1, total: length };
  const match = /^bytes (?:\*|(\d+)-(\d+))\/(\d+|\*)$/.exec(header);
  if (!match) throw badContent(`Invalid Content-Range header: ${header}`);
  const total = match[3] === '*' ? undefined : Number(match[3]);
  if (match[1] === undefined) return { total };
  return { start: Number(match[1]), end: Number(match[2]), total };
}

/** Appends a chunk, skipping bytes the session already holds (a resent chunk). */
function keepBytes(session: UploadSession, start: number, end: number, sent: Buffer): void {
  if (end - start + 1 !== sent.length) {
    throw badContent(
      `Content-Range covers ${end - start + 1} bytes but the request carried ${sent.length}.`,
    );
  }
  if (start > session.received) {
    throw badContent(
      `The upload offset is ${start} byte(s), which exceeds already uploaded size of ${session.received} byte(s).`,
    );
  }
  if (end + 1 !== session.totalBytes && sent.length < MIN_CHUNK) {
    throw badContent(
      `Invalid request. The number of bytes uploaded is required to be equal or greater than ${MIN_CHUNK}, except for the final request. The received request contained ${sent.length} bytes.`,
    );
  }
  session.hash.update(sent.subarray(Math.max(0, session.received - start)));
  session.received = Math.max(session.received, end + 1);
}

function answerCompleted(state: GoogleState, session: UploadSession, res: Response): void {
  const video = state.video(session.videoId ?? '');
  if (!video) {
    throw googleErrors.notFound('notFound', 'The uploaded video has been deleted.', 'global');
  }
  res.status(200).json(renderVideo(state, video, new Set(session.parts)));
}

function finish(state: GoogleState, session: UploadSession, res: Response): void {
  if (session.received === 0) throw mediaRequired();
  const sha256 = session.hash.digest('hex');
  const media = { mimeType: session.mimeType, bytes: session.received, sha256 };
  const video = state.addVideo(session.channelId, session.fields, media);
  session.videoId = video.id;
  res.status(201).json(renderVideo(state, video, new Set(session.parts)));
}
