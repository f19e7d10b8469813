import express, { Router } from 'express';
import type { SandboxContext } from '../sandbox-context';
import { renderGoogleApiError } from './google-api-error';
import { createGoogleControlRouter } from './google-control.router';
import { createGoogleOAuthRouter } from './google-oauth.router';
import { GoogleState } from './google-state';
import { createYoutubeCommentsRouter } from './youtube-comments.router';
import { createYoutubeUploadsRouter } from './youtube-uploads.router';
import { createYoutubeVideosRouter } from './youtube-videos.router';

const GOOGLE_PATHS = ['/google', '/youtube', '/upload/youtube', '/resumable/upload/youtube'];

/**
 * The fake Google, mounted at the root beside the fake X: OAuth at /google/..., the YouTube
 * Data API v3 at /youtube/v3/... and /upload/youtube/v3/..., and its controls at
 * /_sandbox/google/... (without latency or faults).
 */
export function createGoogleRouter(
  ctx: SandboxContext,
  state = new GoogleState(() => ctx.now()),
): Router {
  const router = Router();
  router.use('/_sandbox/google', createGoogleControlRouter(state));
  // Read on arrival, before latency and faults, as on X (x.router.ts).
  router.use('/youtube/v3', express.json({ limit: '1mb' }));
  router.use(GOOGLE_PATHS, ctx.platformMiddleware('google'));
  router.use(createGoogleOAuthRouter(state));
  router.use(createYoutubeVideosRouter(state));
  router.use(createYoutubeCommentsRouter(state));
  router.use(createYoutubeUploadsRouter(state, () => ctx.baseUrl()));
  router.use(GOOGLE_PATHS, (_req, res) => {
    const notFound = { message: 'Not Found', domain: 'global', reason: 'notFound' };
    res.status(404).json({ error: { code: 404, message: 'Not Found', errors: [notFound] } });
  });
  router.use(GOOGLE_PATHS, renderGoogleApiError);
  return router;
}
