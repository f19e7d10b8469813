import type { INestApplicationContext } from '@nestjs/common';
import { uploadFixture, uploadMedia } from '../factories/media.factory';
import {
  PATIENT_CAPTIONS,
  patientWhiteboard,
  WHITEBOARD_MRN_TOP,
} from '../factories/media-text.factory';
import { as, createPost, hospital, Hospital, inHours, PostBody } from '../factories/posts.factory';
import { startTestApi, TestApi } from '../support/test-api';
import { startTestWorker } from '../support/test-worker';

interface Finding {
  source: string;
  id: string;
  field: string;
  kind: string;
  severity: string;
  text: string;
  mediaId: string | null;
  location: { cue?: object; region?: { x: number; y: number; width: number; height: number } };
}
interface Detail extends PostBody {
  findings: Finding[];
  mediaTexts: { field: string; mediaId: string; status: string; text: string }[];
}

describe('media findings: captions, alt texts, tags and the text in images', () => {
  let api: TestApi;
  let h: Hospital;
  let video: string;

  beforeAll(async () => {
    api = await startTestApi();
    h = await hospital(api.url);
    video = (await uploadFixture(api.url, h.marketer, 'clip.mp4')).id;
  });
  afterAll(() => api.close());

  const upload = async (bytes: Buffer, filename: string) => {
    const response = await uploadMedia(api.url, h.marketer, bytes, { filename }).expect(201);
    return response.body as { id: string; sha256: string };
  };
  const detail = async (id: string) =>
    (await as(api.url, h.compliance).get(`/posts/${id}`).expect(200)).body as Detail;
  const submit = async (body: object) => {
    const post = await createPost(api.url, h.marketer, { scheduledAt: inHours(24), ...body });
    return (await as(api.url, h.marketer).post(`/posts/${post.id}/submit`).expect(200))
      .body as Detail;
  };

  it('scans the caption track cue by cue and names the field, the media and the cue', async () => {
    const captions = await upload(Buffer.from(PATIENT_CAPTIONS), 'talk.srt');
    const post = await submit({
      channelIds: [h.channels.youtube],
      youtube: {
        videoMediaId: video,
        title: 'A day on the oncology unit',
        description: 'Meet the team of our day unit.',
        tags: ['oncology', 'MRN 48213377'],
        privacyStatus: 'public',
        madeForKids: false,
        captionMediaId: captions.id,
      },
    });
    const inCaptions = post.findings.filter((f) => f.field === 'youtube.captions');
    expect(inCaptions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'patient_name',
          severity: 'block',
          mediaId: captions.id,
          location: { cue: { index: 1, startMs: 2500, endMs: 5000 } },
        }),
        expect.objectContaining({
          kind: 'record_number',
          severity: 'block',
          text: '48213377',
          mediaId: captions.id,
          location: { cue: { index: 2, startMs: 5000, endMs: 7500 } },
        }),
      ]),
    );
    expect(post.findings).toContainEqual(
      expect.objectContaining({ field: 'youtube.tags', kind: 'record_number', severity: 'block' }),
    );
    // The review page reads the transcript from the post itself.
    expect((await detail(post.id)).mediaTexts).toEqual([
      expect.objectContaining({
        field: 'youtube.captions',
        mediaId: captions.id,
        status: 'read',
        text: expect.stringContaining('Our patient Maria Gonzalez rang the bell today,'),
      }),
    ]);
  });

  describe('the text in images, read by the worker', () => {
    let worker: INestApplicationContext | undefined;
    afterAll(() => worker?.close());

    it('holds approval until the image is read, then blocks on the MRN in its region', async () => {
      const png = await patientWhiteboard();
      const image = await upload(png, 'whiteboard.png');
      const post = await submit({
        channelIds: [h.channels.x],
        x: {
          text: 'Our care team at the whiteboard this morning.',
          images: [{ mediaId: image.id, altText: 'Whiteboard with MRN 48213377' }],
        },
      });
      expect(post.findings).toContainEqual(
        expect.objectContaining({ field: 'x.images[0].altText', kind: 'record_number' }),
      );
      // No worker yet: the image is unread, and approval waits rather than passing it unread.
      const early = await as(api.url, h.compliance)
        .post(`/posts/${post.id}/approve`, { revisionId: post.revision.id })
        .expect(409);
      expect(early.body.errors).toEqual([expect.objectContaining({ field: 'x.images[0]' })]);

      worker = await startTestWorker();
      const read = await waitFor(
        () => detail(post.id),
        (d) => d.findings.some((f) => f.field === 'x.images[0]'),
      );
      const mrn = read.findings.find(
        (f) => f.field === 'x.images[0]' && f.kind === 'record_number',
      )!;
      expect(mrn).toMatchObject({ severity: 'block', text: '48213377', mediaId: image.id });
      // The region is the second line, drawn 40px from the left in a 36px font.
      const region = mrn.location.region!;
      expect(region.y).toBeGreaterThan(WHITEBOARD_MRN_TOP - 20);
      expect(region.y + region.height).toBeLessThan(WHITEBOARD_MRN_TOP + 60);
      expect(region.x).toBeGreaterThanOrEqual(30);
      expect(read.mediaTexts).toContainEqual(
        expect.objectContaining({ field: 'x.images[0]', status: 'read' }),
      );

      const blocking = read.findings.filter((f) => f.severity === 'block');
      const overrides = blocking.map((f) => ({ findingId: f.id, justification: 'Test image' }));
      await as(api.url, h.compliance)
        .post(`/posts/${post.id}/approve`, { revisionId: post.revision.id, overrides })
        .expect(200);

      // The same bytes uploaded again are not read twice: one cached row per sha256.
      await upload(png, 'again.png');
      const rows = await api.dataSource.query(
        `SELECT status, duration_ms FROM image_texts WHERE sha256 = $1`,
        [image.sha256],
      );
      expect(rows).toEqual([{ status: 'read', duration_ms: expect.any(Number) }]);
    });
  });
});

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
