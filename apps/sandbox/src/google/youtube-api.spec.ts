import { createHash, randomBytes } from 'node:crypto';
import { DateTime } from 'luxon';
import { useSandbox } from '../testing/sandbox-suite';
import { GOOGLE_DEMO_ACCOUNTS } from './google-demo-accounts';

const [demo, otherDemo] = GOOGLE_DEMO_ACCOUNTS;
const CHUNK = 256 * 1024;

interface Answer {
  status: number;
  headers: Headers;
  body: any;
}

describe('fake YouTube Data API v3, over raw HTTP', () => {
  const sandbox = useSandbox();

  async function call(
    method: string,
    path: string,
    init: {
      token?: string | null;
      json?: unknown;
      body?: Buffer;
      headers?: Record<string, string>;
    } = {},
  ): Promise<Answer> {
    const headers: Record<string, string> = { ...init.headers };
    if (init.token !== null) headers.authorization = `Bearer ${init.token ?? demo.accessToken}`;
    if (init.json !== undefined) headers['content-type'] = 'application/json';
    const url = path.startsWith('http') ? path : `${sandbox.url}${path}`;
    const res = await fetch(url, {
      method,
      headers,
      body: init.json !== undefined ? JSON.stringify(init.json) : init.body,
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
  }

  const metadata = {
    snippet: {
      title: 'Flu shot clinic hours',
      description: 'Walk in, no appointment.',
      categoryId: '22',
    },
    status: { privacyStatus: 'private' },
  };

  async function startSession(size: number) {
    const res = await call(
      'POST',
      '/upload/youtube/v3/videos?uploadType=resumable&part=snippet,status',
      {
        json: metadata,
        headers: { 'x-upload-content-type': 'video/mp4', 'x-upload-content-length': String(size) },
      },
    );
    return res.headers.get('location') ?? '';
  }

  const put = (uri: string, range: string, body = Buffer.alloc(0)) =>
    call('PUT', uri, { body, headers: { 'content-range': range } });

  async function uploadVideo(): Promise<string> {
    const uri = await startSession(10);
    return (await put(uri, 'bytes 0-9/10', randomBytes(10))).body.id;
  }

  describe('resumable upload protocol', () => {
    it('answers 308 with the kept Range until the last byte, then 201 with the Video', async () => {
      const file = randomBytes(2 * CHUNK + 100);
      const uri = await startSession(file.length);

      const empty = await put(uri, `bytes */${file.length}`);
      const first = await put(uri, `bytes 0-${CHUNK - 1}/${file.length}`, file.subarray(0, CHUNK));
      const status = await put(uri, `bytes */${file.length}`);
      const second = await put(
        uri,
        `bytes ${CHUNK}-${2 * CHUNK - 1}/${file.length}`,
        file.subarray(CHUNK, 2 * CHUNK),
      );
      const last = await put(
        uri,
        `bytes ${2 * CHUNK}-${file.length - 1}/${file.length}`,
        file.subarray(2 * CHUNK),
      );
      const afterwards = await put(uri, `bytes */${file.length}`);

      expect(uri).toMatch(new RegExp(`^${sandbox.url}/upload/youtube/v3/videos\\?.*upload_id=`));
      expect([empty.status, empty.headers.get('range')]).toEqual([308, null]);
      expect([first.status, first.headers.get('range')]).toEqual([308, `bytes=0-${CHUNK - 1}`]);
      expect(status.headers.get('range')).toBe(`bytes=0-${CHUNK - 1}`);
      expect(second.headers.get('range')).toBe(`bytes=0-${2 * CHUNK - 1}`);
      expect(last.status).toBe(201);
      expect(last.body).toMatchObject({
        kind: 'youtube#video',
        snippet: { title: 'Flu shot clinic hours', channelId: demo.channelId, categoryId: '22' },
        status: { privacyStatus: 'private', uploadStatus: 'processed' },
      });
      expect(afterwards).toMatchObject({ status: 200, body: { id: last.body.id } });
      const [video] = await sandbox.google.videos();
      expect(video).toMatchObject({
        id: last.body.id,
        bytesReceived: file.length,
        mimeType: 'video/mp4',
        sha256: createHash('sha256').update(file).digest('hex'),
      });
    });

    it('refuses a short middle chunk and a chunk past the kept bytes, and ignores bytes sent twice', async () => {
      const file = randomBytes(2 * CHUNK);
      const uri = await startSession(file.length);

      const short = await put(uri, `bytes 0-1023/${file.length}`, file.subarray(0, 1024));
      const gap = await put(
        uri,
        `bytes ${CHUNK}-${2 * CHUNK - 1}/${file.length}`,
        file.subarray(CHUNK),
      );
      await put(uri, `bytes 0-${CHUNK - 1}/${file.length}`, file.subarray(0, CHUNK));
      const overlap = await put(uri, `bytes 0-${2 * CHUNK - 1}/${file.length}`, file);

      expect(short.status).toBe(400);
      expect(short.body.error.message).toContain('262144');
      expect(gap.status).toBe(400);
      expect(overlap.status).toBe(201);
      const [video] = await sandbox.google.videos();
      expect(video.sha256).toBe(createHash('sha256').update(file).digest('hex'));
    });

    it('charges the 1600 units once, when the session opens', async () => {
      const uri = await startSession(10);
      await put(uri, 'bytes */10');
      await put(uri, 'bytes 0-9/10', randomBytes(10));

      const quota = await sandbox.google.quota();
      expect(quota.projects).toEqual([{ clientId: 'rounds-local', used: 1600, limit: 10_000 }]);
    });

    it('answers 404 for an unknown session', async () => {
      const res = await put(
        `${sandbox.url}/upload/youtube/v3/videos?uploadType=resumable&upload_id=nope`,
        'bytes */10',
      );

      expect(res.status).toBe(404);
    });
  });

  describe('videos', () => {
    it('lists by repeated or comma-joined ids, hides private videos from other channels, and caps ids at 50', async () => {
      const a = await uploadVideo();
      const b = await uploadVideo();
      const repeated = await call(
        'GET',
        `/youtube/v3/videos?part=snippet&part=status&id=${a}&id=${b}`,
      );
      const joined = await call('GET', `/youtube/v3/videos?part=snippet,status&id=${a},${b}`);
      const stranger = await call('GET', `/youtube/v3/videos?part=status&id=${a}`, {
        token: otherDemo.accessToken,
      });
      const tooMany = await call(
        'GET',
        `/youtube/v3/videos?part=id&id=${Array.from({ length: 51 }, (_, i) => `v${i}`).join(',')}`,
      );
      const badPart = await call('GET', `/youtube/v3/videos?part=nonsense&id=${a}`);

      expect(repeated.body.items.map((v: { id: string }) => v.id)).toEqual([a, b]);
      expect(joined.body.items).toEqual(repeated.body.items);
      expect(repeated.body).toMatchObject({
        kind: 'youtube#videoListResponse',
        pageInfo: { totalResults: 2 },
      });
      expect(stranger.body.items).toEqual([]);
      expect(tooMany.status).toBe(400);
      expect(badPart.body.error.errors[0]).toMatchObject({
        reason: 'unknownPart',
        domain: 'youtube.part',
      });
    });

    it('allows publishAt only on private videos that were never public, and publishes them on time', async () => {
      const id = await uploadVideo();
      // Whole seconds, as YouTube echoes RFC 3339 times.
      const inAnHour = new Date(Math.ceil(Date.now() / 1000) * 1000 + 3_600_000)
        .toISOString()
        .replace('.000Z', 'Z');
      const update = (status: object) =>
        call('PUT', '/youtube/v3/videos?part=status', { json: { id, status } });

      const publicWithDate = await update({ privacyStatus: 'public', publishAt: inAnHour });
      const scheduled = await update({ privacyStatus: 'private', publishAt: inAnHour });
      await sandbox.control.advanceClock(2 * 3_600_000);
      const live = await call('GET', `/youtube/v3/videos?part=status,statistics,snippet&id=${id}`);
      const again = await update({
        privacyStatus: 'private',
        publishAt: new Date(Date.now() + 3 * 3_600_000).toISOString(),
      });

      expect(publicWithDate.status).toBe(400);
      expect(publicWithDate.body.error.errors[0]).toMatchObject({
        reason: 'invalidPublishAt',
        domain: 'youtube.video',
      });
      expect(scheduled.body.status).toMatchObject({
        privacyStatus: 'private',
        publishAt: inAnHour,
      });
      const [video] = live.body.items;
      expect(video.status.privacyStatus).toBe('public');
      expect(video.status.publishAt).toBeUndefined();
      expect(Number(video.statistics.viewCount)).toBeGreaterThanOrEqual(50);
      expect(typeof video.statistics.likeCount).toBe('string');
      expect(again.status).toBe(400);
    });

    it('deletes with 204 and then answers 404 videoNotFound', async () => {
      const id = await uploadVideo();

      const deleted = await call('DELETE', `/youtube/v3/videos?id=${id}`);
      const missing = await call('DELETE', `/youtube/v3/videos?id=${id}`);

      expect(deleted.status).toBe(204);
      expect(missing.status).toBe(404);
      expect(missing.body.error.errors[0].reason).toBe('videoNotFound');
    });
  });

  describe('channels', () => {
    it('reports the signed-in channel with subscribers that grow with time', async () => {
      const path = '/youtube/v3/channels?part=snippet,statistics,contentDetails&mine=true';
      const now = await call('GET', path);
      await sandbox.control.advanceClock(24 * 3_600_000);
      const tomorrow = await call('GET', path);

      const [channel] = now.body.items;
      expect(channel).toMatchObject({
        id: demo.channelId,
        snippet: { title: demo.title, customUrl: demo.handle },
        statistics: { subscriberCount: String(demo.subscribers), hiddenSubscriberCount: false },
        contentDetails: { relatedPlaylists: { uploads: `UU${demo.channelId.slice(2)}` } },
      });
      expect(Number(tomorrow.body.items[0].statistics.subscriberCount)).toBeGreaterThan(
        demo.subscribers,
      );
    });
  });

  describe('comments', () => {
    it('pages comment threads newest first and counts replies', async () => {
      const videoId = await uploadVideo();
      for (let i = 0; i < 25; i += 1) {
        await sandbox.google.injectComment({
          videoId,
          text: `Thank you, nurses! #${i}`,
          authorName: 'Pat Lee',
        });
        await sandbox.control.advanceClock(1000);
      }

      const first = await call(
        'GET',
        `/youtube/v3/commentThreads?part=snippet&videoId=${videoId}&maxResults=20`,
      );
      const second = await call(
        'GET',
        `/youtube/v3/commentThreads?part=snippet&videoId=${videoId}&maxResults=20&pageToken=${first.body.nextPageToken}`,
      );
      const parentId = first.body.items[0].id;
      const reply = await call('POST', '/youtube/v3/comments?part=snippet', {
        json: { snippet: { parentId, textOriginal: 'Thank you for the kind words!' } },
      });
      const thread = await call(
        'GET',
        `/youtube/v3/commentThreads?part=snippet,replies&id=${parentId}`,
      );
      const missing = await call('GET', '/youtube/v3/commentThreads?part=snippet&videoId=nope');

      const texts = [...first.body.items, ...second.body.items].map(
        (t: { snippet: { topLevelComment: { snippet: { textOriginal: string } } } }) =>
          t.snippet.topLevelComment.snippet.textOriginal,
      );
      expect(texts[0]).toBe('Thank you, nurses! #24');
      expect(texts).toHaveLength(25);
      expect(second.body.nextPageToken).toBeUndefined();
      expect(reply.body).toMatchObject({
        kind: 'youtube#comment',
        snippet: { parentId, authorDisplayName: demo.title },
      });
      expect(thread.body.items[0].snippet.totalReplyCount).toBe(1);
      expect(thread.body.items[0].replies.comments[0].id).toBe(reply.body.id);
      expect(missing.status).toBe(404);
    });
  });

  describe('quota and auth', () => {
    it('refuses with quotaExceeded once the day is spent, and starts over at Pacific midnight', async () => {
      await sandbox.google.setQuota({ used: 9_999 });
      const lastUnit = await call('GET', '/youtube/v3/channels?part=id&mine=true');
      const over = await call('GET', '/youtube/v3/channels?part=id&mine=true');
      const { resetsAt } = await sandbox.google.quota();
      await sandbox.control.advanceClock(Date.parse(resetsAt) - Date.now() + 1000);
      const nextDay = await call('GET', '/youtube/v3/channels?part=id&mine=true');

      expect(lastUnit.status).toBe(200);
      expect(over).toMatchObject({
        status: 403,
        body: {
          error: { code: 403, errors: [{ domain: 'youtube.quota', reason: 'quotaExceeded' }] },
        },
      });
      const pacific = DateTime.fromISO(resetsAt, { zone: 'America/Los_Angeles' });
      expect(pacific.toFormat('HH:mm:ss')).toBe('00:00:00');
      expect(nextDay.status).toBe(200);
      expect((await sandbox.google.quota()).projects[0].used).toBe(1);
    });

    it('answers 401 without a token and 403 insufficientPermissions for a read-only token', async () => {
      const anonymous = await call('GET', '/youtube/v3/channels?part=id&mine=true', {
        token: null,
      });
      const query = new URLSearchParams({
        client_id: 'rounds-test',
        redirect_uri: 'http://localhost/cb',
        response_type: 'code',
        scope: 'https://www.googleapis.com/auth/youtube.readonly',
      });
      const consent = await fetch(`${sandbox.url}/google/o/oauth2/v2/auth?${query}`, {
        redirect: 'manual',
      });
      const code = new URL(consent.headers.get('location') ?? '').searchParams.get('code') ?? '';
      const tokenRes = await fetch(`${sandbox.url}/google/token`, {
        method: 'POST',
        body: new URLSearchParams({
          code,
          client_id: 'rounds-test',
          client_secret: 's',
          grant_type: 'authorization_code',
          redirect_uri: 'http://localhost/cb',
        }),
      });
      const { access_token } = (await tokenRes.json()) as { access_token: string };
      const readOnly = await call('POST', '/youtube/v3/commentThreads?part=snippet', {
        token: access_token,
        json: {},
      });

      expect(anonymous.status).toBe(401);
      expect(anonymous.body.error.errors[0].reason).toBe('required');
      expect(readOnly.status).toBe(403);
      expect(readOnly.body.error.errors[0].reason).toBe('insufficientPermissions');
    });

    it('answers an unknown Google path with a JSON 404', async () => {
      const res = await call('GET', '/youtube/v3/playlists?part=id');

      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe(404);
    });
  });
});
