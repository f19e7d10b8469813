import { createHash } from 'node:crypto';
import express, { Response, Router } from 'express';
import { GoogleState, StoredVideo } from './google-state';
import { QuotaSettings } from './google-quota-ledger';

const fail = (res: Response, status: number, error: string) => res.status(status).json({ error });

const isCount = (value: unknown) =>
  value === undefined || (Number.isInteger(value) && Number(value) >= 0);

/** Test and demo controls, mounted at /_sandbox/google: inspect videos, set quota, break tokens, inject comments. */
export function createGoogleControlRouter(state: GoogleState): Router {
  const router = Router();
  router.use(express.json());

  router.get('/videos', (_req, res) => {
    res.json({ videos: state.allVideos().map((video) => summarize(state, video)) });
  });

  router.get('/uploads', (_req, res) => {
    const uploads = [...state.uploads.values()].map((s) => ({
      uploadId: s.id,
      channelId: s.channelId,
      title: s.fields.title,
      mimeType: s.mimeType,
      totalBytes: s.totalBytes ?? null,
      bytesReceived: s.received,
      videoId: s.videoId ?? null,
      createdAt: s.createdAt.toISOString(),
    }));
    res.json({ uploads });
  });

  router.get('/accounts', (_req, res) => {
    const live = (channelId: string) =>
      [...state.accessTokens.values()].filter(
        (t) => t.channelId === channelId && (!t.expiresAt || t.expiresAt > state.now()),
      ).length;
    const accounts = [...state.accounts.values()].map((a) => ({
      ...a,
      liveAccessTokens: live(a.channelId),
    }));
    res.json({ accounts });
  });

  router.get('/quota', (_req, res) => res.json(state.quota.snapshot()));

  router.put('/quota', (req, res) => {
    const settings = (req.body ?? {}) as QuotaSettings;
    if (!isCount(settings.limit) || !isCount(settings.used)) {
      return fail(res, 400, 'limit and used must be whole numbers of units, 0 or more');
    }
    state.quota.configure(settings);
    res.json(state.quota.snapshot());
  });

  router.post('/accounts/:id/expire-tokens', (req, res) => {
    const account = state.findAccount(req.params.id);
    if (!account) return fail(res, 404, `no Google account ${req.params.id}`);
    const grants = [...state.accessTokens.values()].filter(
      (t) => t.channelId === account.channelId,
    );
    for (const grant of grants) grant.expiresAt = new Date(state.now().getTime() - 1000);
    res.json({ channelId: account.channelId, expired: grants.length });
  });

  router.post('/accounts/:id/revoke', (req, res) => {
    const account = state.findAccount(req.params.id);
    if (!account) return fail(res, 404, `no Google account ${req.params.id}`);
    let revoked = 0;
    for (const tokens of [state.accessTokens, state.refreshTokens]) {
      for (const [token, grant] of tokens) {
        if (grant.channelId === account.channelId && tokens.delete(token)) revoked += 1;
      }
    }
    res.json({ channelId: account.channelId, revoked });
  });

  router.post('/comments', (req, res) => {
    const { videoId, text, authorName } = (req.body ?? {}) as Record<string, unknown>;
    const video = typeof videoId === 'string' ? state.video(videoId) : undefined;
    if (!video) return fail(res, 404, `no video ${String(videoId)}`);
    if (
      typeof text !== 'string' ||
      text === '' ||
      typeof authorName !== 'string' ||
      authorName === ''
    ) {
      return fail(res, 400, 'text and authorName are required strings');
    }
    const authorChannelId = `UC${createHash('sha256').update(authorName).digest('base64url').slice(0, 22)}`;
    res.status(201).json(state.addComment(video, { authorName, authorChannelId, text }));
  });

  router.post('/reset', (_req, res) => {
    state.reset();
    res.status(204).end();
  });

  return router;
}

function summarize(state: GoogleState, video: StoredVideo) {
  const captions = [...state.captions.values()]
    .filter((c) => c.videoId === video.id)
    .map(({ language, name, bytes }) => ({ language, name, bytes }));
  return {
    id: video.id,
    url: `https://www.youtube.com/watch?v=${video.id}`,
    channelId: video.channelId,
    owner: state.accounts.get(video.channelId)?.title,
    title: video.title,
    description: video.description,
    tags: video.tags,
    categoryId: video.categoryId,
    privacyStatus: video.privacyStatus,
    publishAt: video.publishAt?.toISOString() ?? null,
    publishedAt: video.publishedAt?.toISOString() ?? null,
    madeForKids: video.madeForKids,
    uploadedAt: video.uploadedAt.toISOString(),
    mimeType: video.mimeType,
    bytesReceived: video.bytesReceived,
    sha256: video.sha256,
    thumbnail: video.thumbnail ?? null,
    captions,
    deleted: video.deletedAt !== undefined,
  };
}
