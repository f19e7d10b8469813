import { createHash } from 'node:crypto';
import express, { Request, Response, Router } from 'express';
import type { youtube_v3 } from 'googleapis';
import { apiCall, Caller, optionalParam, partsParam, requiredParam } from './google-api-call';
import { GoogleApiError, googleErrors } from './google-api-error';
import { GoogleState, randomId, UploadSession } from './google-state';
import { parseMetadata, parseMultipartUpload } from './youtube-multipart';
import { etag, renderCaption, renderVideo, thumbnails, VIDEO_PARTS } from './youtube-resources';
import { ownedVideo } from './youtube-videos.router';
import { readVideoFields } from './youtube-video-fields';

/** Google's minimum for every chunk but the last of a resumable upload. */
const MIN_CHUNK = 256 * 1024;
const MAX_THUMBNAIL = 2 * 1024 * 1024;
const VIDEO_PATHS = ['/upload/youtube/v3/videos', '/resumable/upload/youtube/v3/videos'];

const rawBody = express.raw({ type: () => true, limit: '1gb' });
const body = (req: Request) => (Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0));

/** videos.insert (multipart and resumable), the resumable session, thumbnails.set and captions.insert. */
export function createYoutubeUploadsRouter(state: GoogleState, baseUrl: () => string): Router {
  const router = Router();
  router.use(['/upload/youtube/v3', '/resumable/upload/youtube/v3'], rawBody);

  router.post(
    VIDEO_PATHS,
    apiCall(state, 'videos.insert', (req, res, caller) => {
      const parts = partsParam(req, VIDEO_PARTS);
      const resumable =
        req.path.startsWith('/resumable') || optionalParam(req, 'uploadType') === 'resumable';
      if (resumable) return startSession(state, req, res, caller, parts, baseUrl());
      if (optionalParam(req, 'uploadType') !== 'multipart') {
        throw googleErrors.badRequest(
          'invalidUploadType',
          'The sandbox accepts uploadType=multipart or uploadType=resumable.',
          'global',
        );
      }
      const { metadata, media } = parseMultipartUpload(req.headers['content-type'], body(req));
      const fields = readVideoFields(parseMetadata(metadata), parts, state.now());
      if (media.data.length === 0) throw mediaRequired();
      const sha256 = createHash('sha256').update(media.data).digest('hex');
      const stored = { mimeType: media.contentType, bytes: media.data.length, sha256 };
      const video = state.addVideo(caller.account.channelId, fields, stored);
      res.json(renderVideo(state, video, parts));
    }),
  );

  router.put(VIDEO_PATHS, (req, res) => {
    const session = state.uploads.get(requiredParam(req, 'upload_id'));
    if (!session)
      throw googleErrors.notFound(
        'notFound',
        'The upload session was not found or has expired.',
        'global',
      );
    receiveChunk(state, session, req, res);
  });

  router.post(
    '/upload/youtube/v3/thumbnails/set',
    apiCall(state, 'thumbnails.set', (req, res, caller) => {
      const video = ownedVideo(state, caller, requiredParam(req, 'videoId'), 'set a thumbnail for');
      const image = body(req);
      const mimeType = req.headers['content-type'] ?? '';
      if (
        image.length === 0 ||
        !/^image\/(jpeg|png|bmp|gif)|^application\/octet-stream/.test(mimeType)
      ) {
        throw googleErrors.badRequest(
          'invalidImage',
          'The provided image content is invalid.',
          'youtube.thumbnail',
        );
      }
      if (image.length > MAX_THUMBNAIL) {
        throw new GoogleApiError(
          413,
          'mediaBodyTooLarge',
          `Media larger than: ${MAX_THUMBNAIL} is not allowed.`,
        );
      }
      video.thumbnail = { mimeType, bytes: image.length };
      const items = [thumbnails(video.id)];
      res.json({ kind: 'youtube#thumbnailSetResponse', etag: etag(video.thumbnail), items });
    }),
  );

  router.post(
    '/upload/youtube/v3/captions',
    apiCall(state, 'captions.insert', (req, res, caller) => {
      partsParam(req, ['id', 'snippet']);
      const { metadata, media } = parseMultipartUpload(req.headers['content-type'], body(req));
      const { snippet = {} } = parseMetadata<youtube_v3.Schema$Caption>(metadata);
      const video = ownedVideo(state, caller, snippet.videoId, 'add a caption track to');
      if (!snippet.language || media.data.length === 0) {
        throw googleErrors.badRequest(
          'invalidMetadata',
          'The request contains invalid metadata values, which prevent the track from being created.',
          'youtube.caption',
        );
      }
      const name = snippet.name ?? '';
      const exists = [...state.captions.values()].some(
        (c) => c.videoId === video.id && c.language === snippet.language && c.name === name,
      );
      if (exists)
        throw new GoogleApiError(
          409,
          'captionExists',
          'The specified caption track already exists.',
          { domain: 'youtube.caption' },
        );
      const caption = {
        id: `AUieDa${randomId(24)}`,
        videoId: video.id,
        language: snippet.language,
        name,
        bytes: media.data.length,
        insertedAt: state.now(),
      };
      state.captions.set(caption.id, caption);
      res.json(renderCaption(caption));
    }),
  );

  return router;
}

const mediaRequired = () =>
  googleErrors.badRequest(
    'mediaBodyRequired',
    'The request does not include the video content.',
    'youtube.video',
  );

/** Opens a resumable session (quota is charged here, once) and answers its URI in Location. */
function startSession(
  state: GoogleState,
  req: Request,
  res: Response,
  caller: Caller,
  parts: Set<string>,
  base: string,
) {
  const fields = readVideoFields(parseMetadata(body(req)), parts, state.now());
  const declared = req.headers['x-upload-content-length'];
  const session = state.newUploadSession({
    channelId: caller.account.channelId,
    fields,
    parts: [...parts],
    mimeType: String(req.headers['x-upload-content-type'] ?? 'application/octet-stream'),
    totalBytes: declared === undefined ? undefined : Number(declared),
  });
  const location = new URL('/upload/youtube/v3/videos', base);
  location.search = new URLSearchParams({
    uploadType: 'resumable',
    part: [...parts].join(','),
    upload_id: session.id,
  }).toString();
  res.setHeader('X-GUploader-UploadID', session.id);
  res.setHeader('Location', location.toString());
  res.status(200).end();
}

// Parses `bytes a-b/total`, the status query `bytes */total`, or no header (the whole file at once).
function contentRange(req: Request, length: number) {
  const header = req.headers['content-range'];
  if (header === undefined) return { start: 0, end: length - 1, total: length };
  const match = /^bytes (?:\*|(\d+)-(\d+))\/(\d+|\*)$/.exec(header);
  if (!match)
    throw googleErrors.badRequest(
      'badContent',
      `Invalid Content-Range header: ${header}`,
      'global',
    );
  const total = match[3] === '*' ? undefined : Number(match[3]);
  if (match[1] === undefined) return { total };
  return { start: Number(match[1]), end: Number(match[2]), total };
}

/** One PUT of the resumable protocol: 308 with the persisted Range until the last byte, then the Video. */
function receiveChunk(state: GoogleState, session: UploadSession, req: Request, res: Response) {
  const sent = body(req);
  const range = contentRange(req, sent.length);
  if (session.videoId) return answerCompleted(state, session, res);
  if (range.total !== undefined) session.totalBytes ??= range.total;
  if (range.total !== undefined && range.total !== session.totalBytes) {
    throw googleErrors.badRequest(
      'badContent',
      `The total size ${range.total} does not match the declared ${session.totalBytes} bytes.`,
      'global',
    );
  }
  if (range.start !== undefined && range.end !== undefined) {
    const last = range.end + 1 === session.totalBytes;
    if (range.end - range.start + 1 !== sent.length) {
      throw googleErrors.badRequest(
        'badContent',
        `Content-Range covers ${range.end - range.start + 1} bytes but the request carried ${sent.length}.`,
        'global',
      );
    }
    if (range.start > session.received) {
      throw googleErrors.badRequest(
        'badContent',
        `The upload offset is ${range.start} byte(s), which exceeds already uploaded size of ${session.received} byte(s).`,
        'global',
      );
    }
    if (!last && sent.length < MIN_CHUNK) {
      throw googleErrors.badRequest(
        'badContent',
        `Invalid request. The number of bytes uploaded is required to be equal or greater than ${MIN_CHUNK}, except for the final request. The received request contained ${sent.length} bytes.`,
        'global',
      );
    }
    const fresh = sent.subarray(Math.max(0, session.received - range.start));
    session.hash.update(fresh);
    session.received = Math.max(session.received, range.end + 1);
  }
  if (session.totalBytes !== undefined && session.received === session.totalBytes)
    return finish(state, session, res);
  if (session.received > 0) res.setHeader('Range', `bytes=0-${session.received - 1}`);
  res.status(308).end();
}

function answerCompleted(state: GoogleState, session: UploadSession, res: Response) {
  const video = state.video(session.videoId ?? '');
  if (!video)
    throw googleErrors.notFound('notFound', 'The uploaded video has been deleted.', 'global');
  res.status(200).json(renderVideo(state, video, new Set(session.parts)));
}

function finish(state: GoogleState, session: UploadSession, res: Response) {
  if (session.received === 0) throw mediaRequired();
  const media = {
    mimeType: session.mimeType,
    bytes: session.received,
    sha256: session.hash.digest('hex'),
  };
  const video = state.addVideo(session.channelId, session.fields, media);
  session.videoId = video.id;
  res.status(201).json(renderVideo(state, video, new Set(session.parts)));
}
