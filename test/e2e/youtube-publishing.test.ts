import { GoogleControlClient } from '../../apps/sandbox/src/google/google-control.client';
import { GOOGLE_DEMO_ACCOUNTS } from '../../apps/sandbox/src/google/google-demo-accounts';
import { connectThroughOAuth } from '../factories/channels.factory';
import { uploadFixture } from '../factories/media.factory';
import { as } from '../factories/posts.factory';
import {
  secondsFromNow,
  team,
  Team,
  waitFor,
  waitForPublications,
} from '../factories/publishing.factory';
import { expectAuditChainsIntact } from '../support/audit-chains';
import { startStack, Stack } from '../support/processes';

const QUOTA = 50_000;

interface SandboxVideo {
  id: string;
  url: string;
  title: string;
  privacyStatus: string;
  publishAt: string | null;
  thumbnail: { mimeType: string } | null;
  captions: { language: string }[];
  deleted: boolean;
}

/** YouTube: uploaded ahead as private with publishAt, live at the post's time, withdrawn when it must not go out. */
describe('publishing to YouTube', () => {
  let stack: Stack;
  let t: Team;
  let channelId: string;
  let media: { video: string; thumbnail: string; captions: string };

  beforeAll(async () => {
    // Six uploads with captions spend more than the default 10,000 units: a project with more.
    stack = await startStack({ env: { YOUTUBE_DAILY_QUOTA: String(QUOTA) } });
    await new GoogleControlClient(stack.sandboxUrl).setQuota({ limit: QUOTA });
    await stack.startWorker();
    t = await team(stack.apiUrl);
    channelId = await connectThroughOAuth(
      stack.apiUrl,
      t.admin,
      'youtube',
      GOOGLE_DEMO_ACCOUNTS[0].channelId,
    );
    media = {
      video: (await uploadFixture(stack.apiUrl, t.marketer, 'clip.mp4')).id,
      thumbnail: (await uploadFixture(stack.apiUrl, t.marketer, 'pixel.png')).id,
      captions: (await uploadFixture(stack.apiUrl, t.marketer, 'captions.vtt')).id,
    };
  }, 300_000);
  afterAll(() => expectAuditChainsIntact(stack));
  afterAll(() => stack?.stop(), 60_000);

  const videos = async () => {
    const response = await fetch(`${stack.sandboxUrl}/_sandbox/google/videos`);
    return ((await response.json()) as { videos: SandboxVideo[] }).videos;
  };
  const videoTitled = (title: string) => async () =>
    (await videos()).find((v) => v.title === title);

  async function scheduleVideo(title: string, at: Date): Promise<string> {
    const created = await as(stack.apiUrl, t.marketer).post('/posts', {
      channelIds: [channelId],
      scheduledAt: at.toISOString(),
      youtube: {
        videoMediaId: media.video,
        title,
        description: 'What to expect at your first visit.',
        tags: ['hospital', 'patients'],
        privacyStatus: 'public',
        madeForKids: false,
        thumbnailMediaId: media.thumbnail,
        captionMediaId: media.captions,
      },
    });
    expect(created.status).toBe(201);
    const submitted = await as(stack.apiUrl, t.marketer)
      .post(`/posts/${created.body.id}/submit`)
      .expect(200);
    await as(stack.apiUrl, t.compliance)
      .post(`/posts/${created.body.id}/approve`, { revisionId: submitted.body.revision.id })
      .expect(200);
    return created.body.id;
  }

  it('uploads the approved video ahead of time as private with publishAt, then makes it public on time', async () => {
    const at = secondsFromNow(30);
    const title = 'Your first visit to St. Mary’s';
    const postId = await scheduleVideo(title, at);

    const ahead = await waitFor(
      'the video uploaded ahead with its captions',
      async () => {
        const video = await videoTitled(title)();
        return video && video.captions.length > 0 && video;
      },
      25_000,
    );
    expect(ahead).toMatchObject({
      privacyStatus: 'private',
      publishAt: at.toISOString(),
      thumbnail: { mimeType: 'image/png' },
      captions: [expect.objectContaining({ language: 'en' })],
    });
    expect(Date.now()).toBeLessThan(at.getTime());

    const post = await waitForPublications(stack, t, postId, 'published', 60_000);
    expect(post.publications[0]).toMatchObject({ externalId: ahead.id, url: ahead.url });
    expect(await videoTitled(title)()).toMatchObject({ id: ahead.id, privacyStatus: 'public' });
    expect((await videos()).filter((v) => v.title === title)).toHaveLength(1);
  }, 120_000);

  it('an upload answered 503: found by its title and our upload tag, never another post’s video of that title', async () => {
    const title = 'Meet the night-shift nurses';
    const path = '/upload/youtube/v3/videos';
    const uploadPosts = async () =>
      (await stack.sandbox.requests({ platform: 'google', path })).filter(
        (r) => r.method === 'POST',
      );
    const videoOf = (postId: string) =>
      waitFor(
        `the video of post ${postId} uploaded`,
        async () => {
          const { rows } = await stack.db.query(
            `SELECT u.video_id FROM youtube_uploads u
               JOIN publications p ON p.id = u.publication_id WHERE p.post_id = $1`,
            [postId],
          );
          return rows[0]?.video_id as string | undefined;
        },
        60_000,
      );
    const first = await videoOf(await scheduleVideo(title, secondsFromNow(600)));

    // Refused before anything was created: the first post's video has the title, not our tag.
    await stack.sandbox.addFault({
      platform: 'google',
      method: 'POST',
      path,
      mode: 'status',
      status: 503,
      count: 1,
    });
    const second = await videoOf(await scheduleVideo(title, secondsFromNow(600)));

    // Created, then answered 503: found and kept, not uploaded again.
    await stack.sandbox.clearRequests();
    await stack.sandbox.addFault({
      platform: 'google',
      method: 'POST',
      path,
      mode: 'status-after-accept',
      status: 503,
      count: 1,
    });
    const third = await videoOf(await scheduleVideo(title, secondsFromNow(600)));
    expect((await uploadPosts()).map((r) => r.status)).toEqual([503]);

    const titled = (await videos()).filter((v) => v.title === title && !v.deleted);
    expect(titled.map((v) => v.id).sort()).toEqual([first, second, third].sort());
    expect(new Set([first, second, third]).size).toBe(3);
  }, 180_000);

  it('deletes the uploaded video when the post is cancelled', async () => {
    const title = 'Cancelled: new parking garage';
    const postId = await scheduleVideo(title, secondsFromNow(600));
    const uploaded = await waitFor('the video uploaded ahead', videoTitled(title), 25_000);
    await as(stack.apiUrl, t.marketer).post(`/posts/${postId}/cancel`).expect(200);
    await waitFor('the video deleted', async () => (await videoTitled(title)())?.deleted, 25_000);
    expect(uploaded.privacyStatus).toBe('private');
  }, 120_000);

  it('takes the schedule out of YouTube while the organization is paused', async () => {
    const title = 'Paused: visiting hours';
    await scheduleVideo(title, secondsFromNow(600));
    await waitFor(
      'the video scheduled in YouTube',
      async () => (await videoTitled(title)())?.publishAt,
      25_000,
    );
    await as(stack.apiUrl, t.admin).post('/organization/pause', { reason: 'crisis' }).expect(200);
    try {
      const withdrawn = await waitFor(
        'the schedule removed',
        async () => {
          const video = await videoTitled(title)();
          return video && video.publishAt === null && video;
        },
        25_000,
      );
      expect(withdrawn.privacyStatus).toBe('private');
    } finally {
      await as(stack.apiUrl, t.admin).post('/organization/resume', { reason: 'over' }).expect(200);
    }
  }, 120_000);
});
