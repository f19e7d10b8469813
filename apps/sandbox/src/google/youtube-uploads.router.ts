import { createHash } from 'node:crypto';
import express, { Request, Response, Router } from 'express';
import type { youtube_v3 } from 'googleapis';
import { apiCall, Caller, optionalParam, partsParam, requiredParam } from './google-api-call';
import { GoogleApiError, googleErrors } from './google-api-error';
import { GoogleState, randomId } from './google-state';
import { parseMetadata, parseMultipartUpload } from './youtube-multipart';
import { etag, renderCaption, renderVideo, thumbnails, VIDEO_PARTS } from './youtube-resources';
import { mediaRequired, receiveChunk, startSession } from './youtube-resumable-session';
import { readVideoFields } from './youtube-video-fields';
import { ownedVideo } from './youtube-videos.router';

const MAX_THUMBNAIL = 2 * 1024 * 1024;
const IMAGE_TYPES = /^(image\/(jpeg|png|bmp|gif)|application\/octet-stream)\b/;
const VIDEO_PATHS = ['/upload/youtube/v3/videos', '/resumable/upload/youtube/v3/videos'];

const rawBody = express.raw({ type: () => true, limit: '1gb' });
const bodyOf = (req: Request) => (Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0));

/** videos.insert (multipart and resumable) with its session, thumbnails.set and captions.insert. */
export function createYoutubeUploadsRouter(state: GoogleState, baseUrl: () => string): Router {
  const router = Router();
  router.use(['/upload/youtube/v3', '/resumable/upload/youtube/v3'], rawBody);

  router.post(
    VIDEO_PATHS,
    apiCall(state, 'videos.insert', (req, res, caller) => {
      const parts = partsParam(req, VIDEO_PARTS);
      const uploadType = req.path.startsWith('/resumable')
        ? 'resumable'
        : optionalParam(req, 'uploadType');
      if (uploadType === 'resumable') {
        return startSession(req, res, {
          state,
          caller,
          parts,
          body: bodyOf(req),
          baseUrl: baseUrl(),
        });
      }
      if (uploadType !== 'multipart') {
        const accepted = 'The sandbox accepts uploadType=multipart or uploadType=resumable.';
        throw googleErrors.badRequest('invalidUploadType', accepted, 'global');
      }
      insertMultipart(state, req, res, caller, parts);
    }),
  );

  router.put(VIDEO_PATHS, (req, res) => {
    const session = state.uploads.get(requiredParam(req, 'upload_id'));
    if (!session) {
      const gone = 'The upload session was not found or has expired.';
      throw googleErrors.notFound('notFound', gone, 'global');
    }
    receiveChunk(state, session, req, bodyOf(req), res);
  });

  router.post(
    '/upload/youtube/v3/thumbnails/set',
    apiCall(state, 'thumbnails.set', (req, res, caller) => setThumbnail(state, req, res, caller)),
  );

  router.post(
    '/upload/youtube/v3/captions',
    apiCall(state, 'captions.insert', (req, res, caller) => insertCaption(state, req, res, caller)),
  );

  return router;
}

function insertMultipart(
  state: GoogleState,
  req: Request,
  res: Response,
  caller: Caller,
  parts: Set<string>,
) {
  const { metadata, media } = parseMultipartUpload(req.headers['content-type'], bodyOf(req));
  const fields = readVideoFields(parseMetadata(metadata), parts, state.now());
  if (media.data.length === 0) throw mediaRequired();
  const sha256 = createHash('sha256').update(media.data).digest('hex');
  const stored = { mimeType: media.contentType, bytes: media.data.length, sha256 };
  const video = state.addVideo(caller.account.channelId, fields, stored);
  res.json(renderVideo(state, video, parts));
}

function setThumbnail(state: GoogleState, req: Request, res: Response, caller: Caller) {
  const video = ownedVideo(state, caller, requiredParam(req, 'videoId'), 'set a thumbnail for');
  const image = bodyOf(req);
  const mimeType = req.headers['content-type'] ?? '';
  if (image.length === 0 || !IMAGE_TYPES.test(mimeType)) {
    const invalid = 'The provided image content is invalid.';
    throw googleErrors.badRequest('invalidImage', invalid, 'youtube.thumbnail');
  }
  if (image.length > MAX_THUMBNAIL) {
    const tooLarge = `Media larger than: ${MAX_THUMBNAIL} is not allowed.`;
    throw new GoogleApiError(413, 'mediaBodyTooLarge', tooLarge);
  }
  video.thumbnail = { mimeType, bytes: image.length };
  const items = [thumbnails(video.id)];
  res.json({ kind: 'youtube#thumbnailSetResponse', etag: etag(video.thumbnail), items });
}

function insertCaption(state: GoogleState, req: Request, res: Response, caller: Caller) {
  partsParam(req, ['id', 'snippet']);
  const { metadata, media } = parseMultipartUpload(req.headers['content-type'], bodyOf(req));
  const { snippet = {} } = parseMetadata<youtube_v3.Schema$Caption>(metadata);
  const video = ownedVideo(state, caller, snippet.videoId, 'add a caption track to');
  const { language } = snippet;
  if (!language || media.data.length === 0) {
    const invalid =
      'The request contains invalid metadata values, which prevent the track from being created.';
    throw googleErrors.badRequest('invalidMetadata', invalid, 'youtube.caption');
  }
  const name = snippet.name ?? '';
  const tracks = [...state.captions.values()].filter((c) => c.videoId === video.id);
  if (tracks.some((c) => c.language === language && c.name === name)) {
    const exists = 'The specified caption track already exists.';
    throw new GoogleApiError(409, 'captionExists', exists, { domain: 'youtube.caption' });
  }
  const id = `AUieDa${randomId(24)}`;
  const caption = {
    id,
    videoId: video.id,
    language,
    name,
    bytes: media.data.length,
    insertedAt: state.now(),
  };
  state.captions.set(id, caption);
  res.json(renderCaption(caption));
}
