import express, { type Request, type Response, Router } from 'express';
import { parseMultipart } from '../core/multipart';
import { userContext } from './x-auth.middleware';
import { sendXInvalid, sendXProblem } from './x-problems';
import { queryString } from './x-query';
import { isMediaReady, type XMedia, type XStore } from './x-store';

const MB = 1024 * 1024;
const EXPIRES_AFTER_SECS = 24 * 60 * 60;
const PROCESSING_SECS = 1;
const MAX_ALT_TEXT = 1000;
const IMAGE = /^image\/(jpeg|pjpeg|png|webp|bmp|tiff|gif)$/;
const CATEGORIES: Record<string, { types: RegExp; maxBytes: number; keyPrefix: string }> = {
  tweet_image: { types: IMAGE, maxBytes: 5 * MB, keyPrefix: '3' },
  dm_image: { types: IMAGE, maxBytes: 5 * MB, keyPrefix: '3' },
  tweet_gif: { types: /^image\/gif$/, maxBytes: 15 * MB, keyPrefix: '16' },
  dm_gif: { types: /^image\/gif$/, maxBytes: 15 * MB, keyPrefix: '16' },
  tweet_video: { types: /^video\//, maxBytes: 512 * MB, keyPrefix: '7' },
  amplify_video: { types: /^video\//, maxBytes: 512 * MB, keyPrefix: '7' },
  dm_video: { types: /^video\//, maxBytes: 512 * MB, keyPrefix: '7' },
  subtitles: { types: /^text\/(srt|vtt)$/, maxBytes: 1 * MB, keyPrefix: '3' },
};

/** X API v2 chunked media upload (initialize, append, finalize, STATUS) and alt text. */
export function createXMediaRouter(store: XStore, now: () => Date): Router {
  const router = Router();
  const find = (res: Response, id: string | undefined): XMedia | undefined => {
    const media = id ? store.media.get(id) : undefined;
    if (!media || media.expiresAt <= now()) {
      sendXInvalid(res, `Media id ${id} is invalid or expired.`, { media_id: [String(id)] });
      return undefined;
    }
    if (!media.ownerIds.includes(userContext(res).account.id)) {
      sendXProblem(res, 403, 'You are not permitted to access this media.');
      return undefined;
    }
    return media;
  };

  router.post('/2/media/upload/initialize', (req, res) => initialize(store, now(), req, res));

  router.post(
    '/2/media/upload/:id/append',
    express.raw({ type: 'multipart/form-data', limit: 16 * MB }),
    (req, res) => {
      const media = find(res, req.params.id);
      if (media) append(media, now(), req, res);
    },
  );

  router.post('/2/media/upload/:id/finalize', (req, res) => {
    const media = find(res, req.params.id);
    if (media) finalize(media, now(), res);
  });

  router.get('/2/media/upload', (req, res) => {
    if (queryString(req, 'command') !== 'STATUS') {
      sendXInvalid(res, 'command must be STATUS', {
        command: [String(queryString(req, 'command'))],
      });
      return;
    }
    const media = find(res, queryString(req, 'media_id'));
    if (!media) return;
    res.json({ data: { ...describe(media, now()), ...processing(media, now(), 'in_progress') } });
  });

  router.post('/2/media/metadata', (req, res) => {
    const text = req.body?.metadata?.alt_text?.text;
    if (typeof text !== 'string' || text.length > MAX_ALT_TEXT) {
      sendXInvalid(res, `alt_text.text must be a string of at most ${MAX_ALT_TEXT} characters`);
      return;
    }
    const media = find(res, typeof req.body?.id === 'string' ? req.body.id : undefined);
    if (!media) return;
    media.altText = text;
    res.json({ data: { id: media.id, associated_metadata: { alt_text: { text } } } });
  });

  return router;
}

function initialize(store: XStore, now: Date, req: Request, res: Response) {
  const {
    media_type: mediaType,
    total_bytes: totalBytes,
    additional_owners: owners,
  } = req.body ?? {};
  const category = req.body?.media_category ?? 'tweet_image';
  const rule = CATEGORIES[category];
  if (!rule)
    return sendXInvalid(res, `Unknown media_category ${category}`, {
      media_category: [String(category)],
    });
  if (typeof mediaType !== 'string' || !rule.types.test(mediaType)) {
    return sendXInvalid(res, `media_type ${mediaType} is not allowed for ${category}`, {
      media_type: [String(mediaType)],
    });
  }
  if (!Number.isInteger(totalBytes) || totalBytes <= 0 || totalBytes > rule.maxBytes) {
    return sendXInvalid(res, `total_bytes must be between 1 and ${rule.maxBytes} for ${category}`, {
      total_bytes: [String(totalBytes)],
    });
  }
  const id = store.nextId();
  const media: XMedia = {
    id,
    mediaKey: `${rule.keyPrefix}_${id}`,
    ownerIds: [userContext(res).account.id, ...(Array.isArray(owners) ? owners.map(String) : [])],
    mediaType,
    category,
    totalBytes,
    segments: new Map(),
    expiresAt: new Date(now.getTime() + EXPIRES_AFTER_SECS * 1000),
  };
  store.media.set(id, media);
  res.json({ data: { id, media_key: media.mediaKey, expires_after_secs: EXPIRES_AFTER_SECS } });
}

function append(media: XMedia, now: Date, req: Request, res: Response) {
  const chunk = readChunk(req);
  if (!chunk || !Number.isInteger(chunk.index) || chunk.index < 0 || chunk.index > 999) {
    return sendXInvalid(res, 'append needs media and a segment_index between 0 and 999');
  }
  if (media.finalizedAt) return sendXInvalid(res, 'Media upload is already finalized.');
  media.segments.set(chunk.index, chunk.size);
  res.json({ data: { expires_at: Math.floor(media.expiresAt.getTime() / 1000) } });
}

/** The chunk from multipart (`segment_index`, binary `media`) or JSON (base64 `media`). */
function readChunk(req: Request): { index: number; size: number } | undefined {
  if (Buffer.isBuffer(req.body)) {
    const parts = parseMultipart(req.body, req.headers['content-type'] ?? '');
    const media = parts?.find((p) => p.name === 'media');
    const index = parts?.find((p) => p.name === 'segment_index');
    return media && index
      ? { index: Number(index.data.toString()), size: media.data.length }
      : undefined;
  }
  const { media, segment_index: index } = req.body ?? {};
  if (typeof media !== 'string') return undefined;
  return { index: Number(index), size: Buffer.from(media, 'base64').length };
}

function finalize(media: XMedia, now: Date, res: Response) {
  const received = [...media.segments.values()].reduce((sum, n) => sum + n, 0);
  if (received !== media.totalBytes) {
    return sendXInvalid(res, 'Segments do not add up to provided total file size.');
  }
  if (!media.finalizedAt) {
    media.finalizedAt = now;
    const processed = media.category.endsWith('video') || media.category.endsWith('gif');
    if (processed) media.readyAt = new Date(now.getTime() + PROCESSING_SECS * 1000);
  }
  res.json({ data: { ...describe(media, now), ...processing(media, now, 'pending') } });
}

function describe(media: XMedia, now: Date) {
  return {
    id: media.id,
    media_key: media.mediaKey,
    size: media.totalBytes,
    expires_after_secs: Math.max(0, Math.floor((media.expiresAt.getTime() - now.getTime()) / 1000)),
  };
}

/** Videos and GIFs are processed for a moment after finalize; images are ready at once. */
function processing(media: XMedia, now: Date, waiting: 'pending' | 'in_progress') {
  if (!media.readyAt) return {};
  if (isMediaReady(media, now)) {
    return { processing_info: { state: 'succeeded', progress_percent: 100 } };
  }
  return {
    processing_info: { state: waiting, check_after_secs: PROCESSING_SECS, progress_percent: 50 },
  };
}
