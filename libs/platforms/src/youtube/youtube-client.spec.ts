import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { GOOGLE_DEMO_ACCOUNTS, useSandbox } from '@rounds/sandbox';
import { PlatformError } from '../platform-error';
import { YoutubeClient, YoutubeClientOptions, YoutubeUploadInput } from './youtube-client';

const [demo, otherDemo] = GOOGLE_DEMO_ACCOUNTS;
const KiB = 1024;
const REDIRECT = 'http://localhost:3000/api/v1/channels/youtube/callback';

async function failure(promise: Promise<unknown>): Promise<PlatformError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof PlatformError)) throw new Error(`expected a PlatformError, got ${error}`);
  return error;
}

describe('YoutubeClient against the sandbox, through googleapis', () => {
  const sandbox = useSandbox();
  let dir: string;
  let options: YoutubeClientOptions;

  const client = (overrides: Partial<YoutubeClientOptions> = {}) =>
    new YoutubeClient({ ...options, ...overrides });

  async function videoFile(bytes: number): Promise<{ path: string; sha256: string }> {
    const data = randomBytes(bytes);
    const path = join(dir, `${randomBytes(4).toString('hex')}.mp4`);
    await writeFile(path, data);
    return { path, sha256: createHash('sha256').update(data).digest('hex') };
  }

  const uploadInput = (
    path: string,
    sizeBytes: number,
    extra: Partial<YoutubeUploadInput> = {},
  ) => ({
    filePath: path,
    mimeType: 'video/mp4',
    sizeBytes,
    title: 'Meet our new cardiac care team',
    description: 'A tour of the new cardiac unit.',
    tags: ['cardiology', 'hospital'],
    categoryId: '22',
    privacyStatus: 'private' as const,
    madeForKids: false,
    ...extra,
  });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rounds-youtube-'));
    options = {
      apiBaseUrl: sandbox.url,
      authorizeUrl: `${sandbox.url}/google/o/oauth2/v2/auth`,
      tokenUrl: `${sandbox.url}/google/token`,
      clientId: 'rounds-local',
      clientSecret: 'rounds-local-secret',
    };
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  describe('OAuth', () => {
    it('connects a channel: consent URL, code exchange with a refresh token, then refresh', async () => {
      const youtube = client();
      const { url } = youtube.buildAuthorizeUrl(REDIRECT, 'state-123');
      const consent = await fetch(url, { redirect: 'manual' });
      const callback = new URL(consent.headers.get('location') ?? '');
      const { tokens, account } = await youtube.exchangeCode(
        callback.searchParams.get('code') ?? '',
        REDIRECT,
      );
      const refreshed = await youtube.refresh(tokens.refreshToken ?? '');

      expect(new URL(url).searchParams.get('access_type')).toBe('offline');
      expect(new URL(url).searchParams.get('prompt')).toBe('consent');
      expect(callback.searchParams.get('state')).toBe('state-123');
      expect(account).toEqual({
        externalId: demo.channelId,
        handle: demo.handle,
        displayName: demo.title,
      });
      expect(tokens.refreshToken).toMatch(/^1\/\//);
      expect(tokens.scopes).toEqual(
        expect.arrayContaining([expect.stringMatching(/youtube\.upload$/)]),
      );
      expect(tokens.expiresAt!.getTime() - Date.now()).toBeGreaterThan(3500_000);
      expect(refreshed.accessToken).not.toBe(tokens.accessToken);
      expect(refreshed.refreshToken).toBeUndefined();
      await expect(youtube.getChannel(refreshed.accessToken)).resolves.toMatchObject({
        externalId: demo.channelId,
      });
    });

    it('reports a reused code and a revoked refresh token as auth errors', async () => {
      const youtube = client();
      const consent = await fetch(youtube.buildAuthorizeUrl(REDIRECT, 's').url, {
        redirect: 'manual',
      });
      const code = new URL(consent.headers.get('location') ?? '').searchParams.get('code') ?? '';
      await youtube.exchangeCode(code, REDIRECT);
      await sandbox.google.revoke(demo.channelId);

      const reused = await failure(youtube.exchangeCode(code, REDIRECT));
      const revoked = await failure(youtube.refresh(demo.refreshToken));

      expect(reused).toMatchObject({ kind: 'auth', status: 400 });
      expect(revoked).toMatchObject({
        kind: 'auth',
        message: 'Token has been expired or revoked.',
      });
    });
  });

  describe('uploads', () => {
    it('uploads a small video in one multipart request, bytes intact', async () => {
      const file = await videoFile(40 * KiB);
      const published = await client().uploadVideo(
        demo.accessToken,
        uploadInput(file.path, 40 * KiB),
      );

      const [video] = await sandbox.google.videos();
      expect(published).toEqual({
        externalId: video.id,
        url: `https://www.youtube.com/watch?v=${video.id}`,
      });
      expect(video).toMatchObject({
        title: 'Meet our new cardiac care team',
        tags: ['cardiology', 'hospital'],
        privacyStatus: 'private',
        channelId: demo.channelId,
        bytesReceived: 40 * KiB,
        sha256: file.sha256,
      });
      const requests = await sandbox.control.requests({
        platform: 'google',
        path: '/upload/youtube/v3/videos',
      });
      expect(requests.map((r) => r.method)).toEqual(['POST']);
    });

    it('uploads a large video through a resumable session in 256 KiB chunks', async () => {
      const size = 3 * 256 * KiB + 1000;
      const file = await videoFile(size);
      const sessions: string[] = [];
      const youtube = client({ chunkSizeBytes: 256 * KiB, multipartMaxBytes: 256 * KiB });

      const published = await youtube.uploadVideo(demo.accessToken, uploadInput(file.path, size), {
        onSession: async (uri) => void sessions.push(uri),
      });

      const [video] = await sandbox.google.videos();
      expect(video).toMatchObject({
        id: published.externalId,
        bytesReceived: size,
        sha256: file.sha256,
      });
      expect(sessions).toEqual([
        expect.stringContaining(`${sandbox.url}/upload/youtube/v3/videos?`),
      ]);
      const puts = await sandbox.control.requests({
        platform: 'google',
        path: '/upload/youtube/v3/videos',
      });
      expect(puts.map((r) => `${r.method} ${r.status}`)).toEqual([
        'POST 200',
        'PUT 308',
        'PUT 308',
        'PUT 308',
        'PUT 201',
      ]);
    });

    it('resumes an interrupted upload from the stored session URI, sending each byte once', async () => {
      const size = 4 * 256 * KiB;
      const file = await videoFile(size);
      const youtube = client({ chunkSizeBytes: 256 * KiB, multipartMaxBytes: 0 });
      let stored: string | undefined;
      const session = {
        onSession: async (uri: string) => {
          stored = uri;
          // The first chunk is kept by YouTube, then the worker loses the connection.
          await sandbox.control.addFault({
            platform: 'google',
            method: 'PUT',
            path: '/upload/youtube/v3/videos',
            mode: 'drop-after-accept',
            count: 1,
          });
        },
      };

      const interrupted = await failure(
        youtube.uploadVideo(demo.accessToken, uploadInput(file.path, size), session),
      );
      const [partial] = await sandbox.google.uploads();
      const published = await youtube.uploadVideo(demo.accessToken, uploadInput(file.path, size), {
        ...session,
        uri: stored,
      });

      expect(interrupted.kind).toBe('transient');
      expect(partial).toMatchObject({ bytesReceived: 256 * KiB, totalBytes: size, videoId: null });
      const videos = await sandbox.google.videos();
      expect(videos).toEqual([
        expect.objectContaining({
          id: published.externalId,
          bytesReceived: size,
          sha256: file.sha256,
        }),
      ]);
      const puts = await sandbox.control.requests({
        platform: 'google',
        path: '/upload/youtube/v3/videos',
      });
      expect(puts.filter((r) => r.method === 'PUT').map((r) => r.status)).toEqual([
        0, 308, 308, 308, 201,
      ]);
    });

    it('resumes after a 503 on a chunk, and a finished session answers its video instead of uploading again', async () => {
      const size = 256 * KiB + 10;
      const file = await videoFile(size);
      const youtube = client({ chunkSizeBytes: 256 * KiB, multipartMaxBytes: 0 });
      const session = {
        uri: undefined as string | undefined,
        onSession: async (uri: string) => void (session.uri = uri),
      };
      await sandbox.control.addFault({
        platform: 'google',
        method: 'PUT',
        path: '^/upload/youtube/v3/videos$',
        mode: 'status',
        status: 503,
        count: 1,
      });
      await failure(youtube.uploadVideo(demo.accessToken, uploadInput(file.path, size), session));

      const first = await youtube.uploadVideo(
        demo.accessToken,
        uploadInput(file.path, size),
        session,
      );
      const again = await youtube.uploadVideo(
        demo.accessToken,
        uploadInput(file.path, size),
        session,
      );

      expect(again).toEqual(first);
      expect(await sandbox.google.videos()).toHaveLength(1);
    });

    it('reports a lost connection on a multipart upload as unknown, and finds the upload by title and upload tag', async () => {
      const file = await videoFile(10 * KiB);
      const since = new Date();
      const title = 'Meet our new cardiac care team';
      // Another post's video of the same title, uploaded just before: never taken for ours.
      await client().uploadVideo(
        demo.accessToken,
        uploadInput(file.path, 10 * KiB, { uploadTag: 'roundsother' }),
      );
      await sandbox.control.addFault({
        platform: 'google',
        method: 'POST',
        path: '/upload/youtube/v3/videos',
        mode: 'drop-after-accept',
        count: 1,
      });

      const lost = await failure(
        client().uploadVideo(
          demo.accessToken,
          uploadInput(file.path, 10 * KiB, { uploadTag: 'roundsours' }),
        ),
      );
      const find = (title: string, uploadTag: string) =>
        client().findRecentUpload(demo.accessToken, { title, uploadTag, since });

      expect(lost.kind).toBe('unknown_outcome');
      const ours = (await sandbox.google.videos()).find((v) => v.tags.includes('roundsours'))!;
      expect(ours.tags).toEqual(['cardiology', 'hospital', 'roundsours']);
      expect(await find(title, 'roundsours')).toEqual({
        externalId: ours.id,
        url: `https://www.youtube.com/watch?v=${ours.id}`,
      });
      expect(await find('Another title', 'roundsours')).toBeNull();
      expect(await find(title, 'roundsnever')).toBeNull();
    });

    it('fails at once on a missing media file', async () => {
      const error = await failure(
        client().uploadVideo(demo.accessToken, uploadInput(join(dir, 'gone.mp4'), 10)),
      );

      expect(error.kind).toBe('content');
      expect(await sandbox.control.requests({ platform: 'google' })).toEqual([]);
    });
  });

  describe('scheduling and visibility', () => {
    it('uploads private with publishAt, and the video goes public once that time passes', async () => {
      const file = await videoFile(8 * KiB);
      const publishAt = new Date(Date.now() + 3_600_000);
      const youtube = client();
      const { externalId } = await youtube.uploadVideo(
        demo.accessToken,
        uploadInput(file.path, 8 * KiB, { publishAt }),
      );
      const before = await sandbox.google.videos();
      await sandbox.control.advanceClock(2 * 3_600_000);

      const after = await sandbox.google.videos();
      const metrics = await youtube.getMetrics(demo.accessToken, [externalId]);

      expect(before[0]).toMatchObject({
        privacyStatus: 'private',
        publishAt: publishAt.toISOString(),
      });
      expect(after[0]).toMatchObject({
        privacyStatus: 'public',
        publishAt: null,
        publishedAt: publishAt.toISOString(),
      });
      expect(metrics.get(externalId)?.views).toBeGreaterThanOrEqual(60);
    });

    it("refuses publishAt on a public upload with Google's message", async () => {
      const file = await videoFile(8 * KiB);
      const input = uploadInput(file.path, 8 * KiB, {
        privacyStatus: 'public',
        publishAt: new Date(Date.now() + 60_000),
      });

      const error = await failure(client().uploadVideo(demo.accessToken, input));

      expect(error).toMatchObject({
        kind: 'content',
        status: 400,
        message: 'The request metadata specifies an invalid scheduled publishing time.',
      });
    });

    it('moves a scheduled video back to private without a schedule, keeping made-for-kids', async () => {
      const file = await videoFile(8 * KiB);
      const youtube = client();
      const input = uploadInput(file.path, 8 * KiB, {
        publishAt: new Date(Date.now() + 3_600_000),
        madeForKids: true,
      });
      const { externalId } = await youtube.uploadVideo(demo.accessToken, input);
      const later = new Date(Date.now() + 7_200_000);

      await youtube.updateVisibility(demo.accessToken, externalId, {
        privacyStatus: 'private',
        publishAt: later,
      });
      const rescheduled = (await sandbox.google.videos())[0];
      await youtube.updateVisibility(demo.accessToken, externalId, {
        privacyStatus: 'private',
        publishAt: null,
      });
      const held = (await sandbox.google.videos())[0];
      await youtube.updateVisibility(demo.accessToken, externalId, { privacyStatus: 'unlisted' });
      const unlisted = (await sandbox.google.videos())[0];

      expect(rescheduled).toMatchObject({
        privacyStatus: 'private',
        publishAt: later.toISOString(),
      });
      expect(held).toMatchObject({ privacyStatus: 'private', publishAt: null, madeForKids: true });
      expect(unlisted).toMatchObject({ privacyStatus: 'unlisted', madeForKids: true });
    });

    it('deletes a video, and deleting it again is not an error', async () => {
      const file = await videoFile(8 * KiB);
      const youtube = client();
      const { externalId } = await youtube.uploadVideo(
        demo.accessToken,
        uploadInput(file.path, 8 * KiB),
      );

      await youtube.deleteVideo(demo.accessToken, externalId);
      await youtube.deleteVideo(demo.accessToken, externalId);

      expect(await sandbox.google.videos()).toEqual([
        expect.objectContaining({ id: externalId, deleted: true }),
      ]);
      const metrics = await youtube.getMetrics(demo.accessToken, [externalId]);
      expect(metrics.size).toBe(0);
    });

    it("refuses to touch another channel's video", async () => {
      const file = await videoFile(8 * KiB);
      const { externalId } = await client().uploadVideo(
        demo.accessToken,
        uploadInput(file.path, 8 * KiB, { privacyStatus: 'public' }),
      );

      const error = await failure(client().deleteVideo(otherDemo.accessToken, externalId));

      expect(error).toMatchObject({ kind: 'content', status: 403 });
    });
  });

  describe('thumbnails and captions', () => {
    it('sets a thumbnail and adds a caption track (once, even if sent twice)', async () => {
      const file = await videoFile(8 * KiB);
      const youtube = client();
      const { externalId } = await youtube.uploadVideo(
        demo.accessToken,
        uploadInput(file.path, 8 * KiB),
      );
      const png = join(dir, 'thumb.png');
      const vtt = join(dir, 'captions.vtt');
      await writeFile(png, randomBytes(2048));
      const track = 'WEBVTT\n\n00:00.000 --> 00:02.000\nWelcome to the cardiac unit.\n';
      await writeFile(vtt, track);

      await youtube.setThumbnail(demo.accessToken, externalId, png, 'image/png');
      await youtube.insertCaption(demo.accessToken, externalId, {
        filePath: vtt,
        language: 'en',
        name: 'English',
      });
      await youtube.insertCaption(demo.accessToken, externalId, {
        filePath: vtt,
        language: 'en',
        name: 'English',
      });

      const [video] = await sandbox.google.videos();
      expect(video.thumbnail).toEqual({ mimeType: 'image/png', bytes: 2048 });
      expect(video.captions).toEqual([{ language: 'en', name: 'English', bytes: track.length }]);
    });
  });

  describe('metrics and comments', () => {
    it('reads metrics for 120 ids in 3 requests of at most 50', async () => {
      const file = await videoFile(8 * KiB);
      const youtube = client();
      const { externalId } = await youtube.uploadVideo(
        demo.accessToken,
        uploadInput(file.path, 8 * KiB, { privacyStatus: 'public' }),
      );
      await sandbox.control.advanceClock(10 * 60_000);
      await sandbox.control.clearRequests();
      const ids = [
        externalId,
        ...Array.from({ length: 119 }, (_, i) => `missing${String(i).padStart(4, '0')}`),
      ];

      const metrics = await youtube.getMetrics(demo.accessToken, ids);

      const lists = await sandbox.control.requests({
        platform: 'google',
        path: '/youtube/v3/videos',
      });
      expect(lists).toHaveLength(3);
      expect([...metrics.keys()]).toEqual([externalId]);
      const counters = metrics.get(externalId)!;
      expect(counters.views).toBeGreaterThanOrEqual(10);
      expect(counters.likes).toBe(Math.floor(counters.views! / 25));
      expect(counters.comments).toBe(0);
    });

    it('reads comments by others across pages and replies to one', async () => {
      const file = await videoFile(8 * KiB);
      const youtube = client();
      const { externalId } = await youtube.uploadVideo(
        demo.accessToken,
        uploadInput(file.path, 8 * KiB, { privacyStatus: 'public' }),
      );
      const texts = Array.from({ length: 105 }, (_, i) => `Comment ${i}`);
      await Promise.all(
        texts.map((text) =>
          sandbox.google.injectComment({ videoId: externalId, text, authorName: 'Jane Doe' }),
        ),
      );

      const comments = await youtube.getComments(demo.accessToken, [externalId, 'deletedVid0']);
      const reply = await youtube.reply(
        demo.accessToken,
        comments[0].externalId,
        'Thank you for watching!',
      );
      const afterReply = await youtube.getComments(demo.accessToken, [externalId]);
      const metrics = await youtube.getMetrics(demo.accessToken, [externalId]);

      expect(comments).toHaveLength(105);
      expect(comments[0]).toMatchObject({
        inReplyToExternalId: externalId,
        authorName: 'Jane Doe',
        authorHandle: '@janedoe',
      });
      expect(new Set(comments.map((c) => c.text))).toEqual(new Set(texts));
      expect(reply.externalId.startsWith(`${comments[0].externalId}.`)).toBe(true);
      expect(reply.url).toBe(
        `https://www.youtube.com/watch?v=${externalId}&lc=${reply.externalId}`,
      );
      expect(afterReply).toHaveLength(105);
      expect(metrics.get(externalId)?.comments).toBe(106);
    });
  });

  describe('errors', () => {
    it('turns an exhausted daily quota into a quota error that waits for Pacific midnight', async () => {
      const file = await videoFile(8 * KiB);
      await sandbox.google.setQuota({ used: 9_000 });

      const error = await failure(
        client().uploadVideo(demo.accessToken, uploadInput(file.path, 8 * KiB)),
      );

      expect(error).toMatchObject({ kind: 'quota', status: 403 });
      const pacific = DateTime.fromJSDate(error.retryAt!, { zone: 'America/Los_Angeles' });
      expect(pacific.toFormat('HH:mm:ss.SSS')).toBe('00:00:00.000');
      expect(error.retryAt!.getTime() - Date.now()).toBeGreaterThan(0);
      expect(error.retryAt!.getTime() - Date.now()).toBeLessThanOrEqual(25 * 3_600_000);
      expect(await sandbox.google.videos()).toEqual([]);
    });

    it('turns an expired token into an auth error', async () => {
      await sandbox.google.expireTokens(demo.channelId);

      const error = await failure(client().getChannel(demo.accessToken));

      expect(error).toMatchObject({ kind: 'auth', status: 401 });
      expect(error.message).toMatch(/invalid authentication credentials/);
    });

    it('turns a 503 into a transient error without retrying it itself', async () => {
      await sandbox.control.addFault({
        platform: 'google',
        path: '/youtube/v3/channels',
        mode: 'status',
        status: 503,
        count: 2,
      });

      const error = await failure(client().getChannel(demo.accessToken));

      expect(error).toMatchObject({ kind: 'transient', status: 503 });
      expect(
        await sandbox.control.requests({ platform: 'google', path: '/youtube/v3/channels' }),
      ).toHaveLength(1);
    });

    it('turns a timeout into a transient error', async () => {
      await sandbox.control.addFault({
        platform: 'google',
        path: '/youtube/v3/videos',
        mode: 'timeout',
        count: 1,
      });

      const error = await failure(client({ timeoutMs: 300 }).getMetrics(demo.accessToken, ['abc']));

      expect(error.kind).toBe('transient');
    });

    it('costs what the configured table says', () => {
      expect(YoutubeClient.quotaCost('videos.insert')).toBe(1600);
      expect(YoutubeClient.quotaCost('videos.insert', { 'videos.insert': 100 })).toBe(100);
      expect(client({ quotaCosts: { 'captions.insert': 450 } }).quotaCost('captions.insert')).toBe(
        450,
      );
    });
  });
});
