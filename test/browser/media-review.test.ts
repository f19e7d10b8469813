import { uploadFixture, uploadMedia } from '../factories/media.factory';
import { PATIENT_CAPTIONS, patientWhiteboard } from '../factories/media-text.factory';
import { as, inHours, submittedPost } from '../factories/posts.factory';
import { screenshot, useHospitalDashboard } from './dashboard-browser';

jest.setTimeout(180_000);

/** The acceptance: a caption file and an image naming a patient, shown on the review. */
describe('review of a post whose captions and image carry PHI', () => {
  const suite = useHospitalDashboard({ worker: true });

  const upload = async (bytes: Buffer, filename: string): Promise<string> =>
    (await uploadMedia(suite.api.url, suite.h.marketer, bytes, { filename }).expect(201)).body.id;

  it('shows the caption cue and the image region that block, beside the text findings', async () => {
    const { api, h } = suite;
    const whiteboard = await patientWhiteboard();
    const [video, captions, image, thumbnail] = [
      (await uploadFixture(api.url, h.marketer, 'clip.mp4')).id,
      await upload(Buffer.from(PATIENT_CAPTIONS), 'bell.srt'),
      await upload(whiteboard, 'whiteboard.png'),
      await upload(whiteboard, 'thumbnail.png'),
    ];
    const post = await submittedPost(api.url, h, {
      channelIds: [h.channels.x, h.channels.youtube],
      scheduledAt: inHours(24),
      x: {
        text: 'Ringing the bell on our oncology day unit!',
        images: [{ mediaId: image, altText: 'Our care team at the unit whiteboard' }],
      },
      youtube: {
        videoMediaId: video,
        title: 'Ringing the bell',
        description: 'A morning on the oncology day unit.',
        tags: ['oncology', 'day unit'],
        privacyStatus: 'public',
        madeForKids: false,
        thumbnailMediaId: thumbnail,
        captionMediaId: captions,
      },
    });
    // The worker reads both images, then scans the post in review again.
    for (let read = false; !read; await new Promise((r) => setTimeout(r, 250))) {
      const { findings } = (await as(api.url, h.compliance).get(`/posts/${post.id}`).expect(200))
        .body as { findings: { field: string }[] };
      const fields = new Set(findings.map((f) => f.field));
      read = fields.has('x.images[0]') && fields.has('youtube.thumbnail');
    }

    const { page } = await suite.signedIn(h.compliance.email);
    await page.goto(`/approvals/${post.id}`);
    const cues = page.getByRole('table', { name: 'Captions' });
    await cues.getByText('00:05.0–00:07.5').waitFor();
    expect(await cues.locator('mark').allTextContents()).toEqual(
      expect.arrayContaining(['48213377']),
    );
    const boxes = page.getByTestId('image-finding');
    await boxes.first().waitFor();
    expect(await boxes.count()).toBeGreaterThanOrEqual(2); // the X image and the thumbnail
    await page.getByText('youtube.captions · cue 3, 00:05.0–00:07.5 · record_number').waitFor();
    await page.getByText(/^x\.images\[0\] · image region .* · record_number$/).waitFor();
    await page.getByText(/^youtube\.thumbnail · image region .* · record_number$/).waitFor();
    expect(await page.getByRole('button', { name: 'Approve' }).isDisabled()).toBe(true);
    await screenshot(page, 'review-media');
    await page.context().close();
  });
});
