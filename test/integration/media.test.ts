import { createHash } from 'node:crypto';
import { connect } from 'node:net';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import request from 'supertest';
import { addUser, Session, signupOrganization } from '../factories/identity.factory';
import { fixtureBytes, uploadFixture, uploadMedia } from '../factories/media.factory';
import { startTestApi, TestApi } from '../support/test-api';

const MAX_VIDEO_BYTES = 4096;
/** Polls `condition` for up to 5 s: the server cleans up after the client has gone. */
async function waitUntil(condition: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 50 && !(await condition()); i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A small but real ZIP archive: one deflated entry. */
function zipArchive(): Buffer {
  const data = deflateRawSync(Buffer.from('patient list'));
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(8, 8);
  header.writeUInt32LE(data.length, 18);
  header.writeUInt16LE(8, 26);
  return Buffer.concat([header, Buffer.from('list.txt'), data]);
}

describe('media upload', () => {
  let api: TestApi;
  let marketer: Session;
  let executive: Session;
  let orgId: string;
  const get = (path: string, session: Session) =>
    request(api.url).get(`/api/v1${path}`).auth(session.accessToken, { type: 'bearer' });
  /** The files stored for the organization: a refused upload must leave none behind. */
  const storedFiles = async () =>
    readdir(join(api.env.MEDIA_DIR, orgId)).catch(() => [] as string[]);

  beforeAll(async () => {
    api = await startTestApi({ MEDIA_MAX_VIDEO_BYTES: String(MAX_VIDEO_BYTES) });
    const org = await signupOrganization(api.url);
    orgId = org.id;
    marketer = await addUser(api.url, org.admin, 'marketer');
    executive = await addUser(api.url, org.admin, 'executive');
  });
  afterAll(async () => {
    await api.close();
    await rm(api.env.MEDIA_DIR, { recursive: true, force: true });
  });

  it.each([
    [
      'pixel.png',
      { kind: 'image', mimeType: 'image/png', width: 3, height: 2, durationSeconds: null },
    ],
    [
      'gray.jpg',
      { kind: 'image', mimeType: 'image/jpeg', width: 4, height: 3, durationSeconds: null },
    ],
    [
      'clip.mp4',
      { kind: 'video', mimeType: 'video/mp4', width: null, height: null, durationSeconds: 2.5 },
    ],
    ['captions.vtt', { kind: 'caption', mimeType: 'text/vtt', width: null, durationSeconds: null }],
    ['captions.srt', { kind: 'caption', mimeType: 'application/x-subrip', durationSeconds: null }],
  ] as const)('stores %s with its kind, size, hash and measurements', async (name, expected) => {
    const bytes = fixtureBytes(name);
    const response = await uploadMedia(api.url, marketer, bytes, { filename: name }).expect(201);
    expect(response.body).toMatchObject({
      ...expected,
      size: bytes.length,
      sha256: sha256(bytes),
      originalName: name,
      showsPatient: false,
      consentStatus: 'not_required',
    });
    const content = await get(`/media/${response.body.id}/content`, executive)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(content.headers['content-type']).toContain(expected.mimeType);
    expect(Buffer.compare(content.body as Buffer, bytes)).toBe(0);
  });

  it('goes by the bytes: a PNG named clip.mp4 and sent as video/mp4 is an image', async () => {
    const response = await uploadMedia(api.url, marketer, fixtureBytes('pixel.png'), {
      filename: 'clip.mp4',
      contentType: 'video/mp4',
    }).expect(201);
    expect(response.body).toMatchObject({ kind: 'image', mimeType: 'image/png', width: 3 });
  });

  it.each([
    ['a ZIP archive named photo.png', zipArchive(), 'application/zip'],
    [
      'a Windows executable',
      Buffer.concat([Buffer.from('MZ'), Buffer.alloc(300)]),
      'application/x-msdownload',
    ],
    ['a plain text file', Buffer.from('Meet Dr. Lee at the open house'), 'plain text'],
  ])('refuses %s, naming file and what it is, and keeps nothing', async (_, bytes, detected) => {
    const before = await storedFiles();
    const response = await uploadMedia(api.url, marketer, bytes, {
      filename: 'photo.png',
      contentType: 'image/png',
    }).expect(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'file' })]);
    expect(response.body.details).toMatchObject({ rule: 'accepted_type', detected });
    expect(response.body.message).toContain(detected);
    expect(await storedFiles()).toEqual(before);
  });

  it('refuses a video over the configured limit and an image over 5 MB with 413', async () => {
    const before = await storedFiles();
    const video = Buffer.concat([fixtureBytes('clip.mp4'), Buffer.alloc(MAX_VIDEO_BYTES)]);
    const tooLong = await uploadMedia(api.url, marketer, video, { filename: 'long.mp4' }).expect(
      413,
    );
    expect(tooLong.body.errors).toEqual([expect.objectContaining({ field: 'file' })]);
    expect(tooLong.body.message).toBe('file must be at most 4096 bytes for videos');
    const image = Buffer.concat([fixtureBytes('pixel.png'), Buffer.alloc(5 * 1024 * 1024)]);
    const tooBig = await uploadMedia(api.url, marketer, image, { filename: 'big.png' }).expect(413);
    expect(tooBig.body.message).toBe('file must be at most 5 MB for images');
    expect(await storedFiles()).toEqual(before);
  });

  it('refuses an empty file, no file, a file in another field, and a bad showsPatient', async () => {
    const before = await storedFiles();
    const empty = await uploadMedia(api.url, marketer, Buffer.alloc(0)).expect(400);
    expect(empty.body).toMatchObject({ message: 'file is empty', details: { rule: 'not_empty' } });

    const none = await request(api.url)
      .post('/api/v1/media')
      .auth(marketer.accessToken, { type: 'bearer' })
      .send({ showsPatient: true })
      .expect(400);
    expect(none.body.errors).toEqual([expect.objectContaining({ field: 'file' })]);

    const elsewhere = await request(api.url)
      .post('/api/v1/media')
      .auth(marketer.accessToken, { type: 'bearer' })
      .attach('photo', fixtureBytes('pixel.png'), 'pixel.png')
      .expect(400);
    expect(elsewhere.body.errors).toEqual([expect.objectContaining({ field: 'photo' })]);

    const maybe = await uploadMedia(api.url, marketer, fixtureBytes('pixel.png'), {
      showsPatient: 'maybe',
    }).expect(400);
    expect(maybe.body.errors).toEqual([
      expect.objectContaining({
        field: 'showsPatient',
        message: 'showsPatient must be true or false',
      }),
    ]);
    expect(await storedFiles()).toEqual(before);
  });

  it('keeps nothing of an upload whose client disconnects halfway', async () => {
    const before = await storedFiles();
    const boundary = 'rounds-abort';
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="clip.mp4"\r\n` +
        'Content-Type: video/mp4\r\n\r\n',
    );
    const { port } = new URL(api.url);
    await new Promise<void>((resolve) => {
      const socket = connect(Number(port), '127.0.0.1', () => {
        socket.write(
          `POST /api/v1/media HTTP/1.1\r\nHost: 127.0.0.1\r\n` +
            `Authorization: Bearer ${marketer.accessToken}\r\n` +
            `Content-Type: multipart/form-data; boundary=${boundary}\r\n` +
            'Content-Length: 100000\r\n\r\n',
        );
        socket.write(Buffer.concat([head, fixtureBytes('clip.mp4'), Buffer.alloc(2000)]));
        setTimeout(() => socket.destroy(), 300);
      });
      socket.on('close', () => resolve());
      socket.on('error', () => undefined);
    });
    await waitUntil(async () => (await storedFiles()).length === before.length);
    expect(await storedFiles()).toEqual(before);
  });

  it('lets only marketers and admins upload', async () => {
    const response = await uploadMedia(api.url, executive, fixtureBytes('pixel.png')).expect(403);
    expect(response.body.message).toContain('media:upload');
  });

  it('lists the organization media newest first, by kind, and records each upload', async () => {
    const org = await signupOrganization(api.url);
    const first = await uploadFixture(api.url, org.admin, 'pixel.png', { showsPatient: 'true' });
    const second = await uploadFixture(api.url, org.admin, 'clip.mp4');
    const all = await get('/media', org.admin).expect(200);
    expect(all.body.map((m: { id: string }) => m.id)).toEqual([second.id, first.id]);
    expect(all.body[1]).toMatchObject({ showsPatient: true, consentStatus: 'missing' });
    const videos = await get('/media?kind=video', org.admin).expect(200);
    expect(videos.body.map((m: { id: string }) => m.id)).toEqual([second.id]);
    await get('/media?kind=audio', org.admin).expect(400);

    const audit = await get('/audit?subjectType=media', org.admin).expect(200);
    expect(audit.body).toContainEqual(
      expect.objectContaining({
        action: 'media.uploaded',
        subjectId: first.id,
        data: expect.objectContaining({ sha256: first.sha256, showsPatient: true }),
      }),
    );
  });

  it('serves a byte range for video seeking, and refuses one past the end', async () => {
    const clip = fixtureBytes('clip.mp4');
    const video = await uploadFixture(api.url, marketer, 'clip.mp4');
    const partial = await get(`/media/${video.id}/content`, marketer)
      .set('Range', 'bytes=4-11')
      .expect(206);
    expect(partial.headers['content-range']).toBe(`bytes 4-11/${clip.length}`);
    expect(Buffer.from(partial.text ?? partial.body, 'latin1').toString('latin1')).toBe('ftypisom');
    await get(`/media/${video.id}/content`, marketer)
      .set('Range', `bytes=${clip.length}-`)
      .expect(416);
  });

  it("answers 404 for another organization's media", async () => {
    const other = await signupOrganization(api.url);
    const theirs = await uploadFixture(api.url, other.admin, 'pixel.png');
    await get(`/media/${theirs.id}`, marketer).expect(404);
    await get(`/media/${theirs.id}/content`, marketer).expect(404);
    const mine = await get('/media', marketer).expect(200);
    expect(mine.body.map((m: { id: string }) => m.id)).not.toContain(theirs.id);
  });
});
