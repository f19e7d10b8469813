import type { TwitterApi } from 'twitter-api-v2';
import { X_DEMO_ACCOUNTS } from '../demo-accounts';
import { useSandbox } from '../testing/sandbox-suite';
import { redirectedTwitterApi } from '../testing/redirected-twitter-api';
import { xRefusal } from '../testing/x-refusal';
import { createXOpenApiValidator } from '../testing/x-openapi-validator';

const [demo, otherDemo] = X_DEMO_ACCOUNTS;
const validate = createXOpenApiValidator();
const image = (bytes: number) => Buffer.alloc(bytes, 0xab);

describe('fake X v2 media upload', () => {
  const sandbox = useSandbox();
  let x: TwitterApi;

  beforeEach(() => {
    x = redirectedTwitterApi(sandbox.url, demo.accessToken);
  });

  it('uploads an image in 1 MiB chunks with uploadMedia and attaches it to a tweet', async () => {
    const mediaId = await x.v2.uploadMedia(image(2_500_000), { media_type: 'image/jpeg' });
    const { data } = await x.v2.tweet({ text: 'Our new wing', media: { media_ids: [mediaId] } });

    const appends = await sandbox.control.requests({
      platform: 'x',
      path: `/2/media/upload/${mediaId}/append`,
    });
    expect(appends).toHaveLength(3);
    const read = await x.v2.singleTweet(data.id, {
      'tweet.fields': ['attachments'],
      expansions: ['attachments.media_keys'],
    });
    expect(read.data.attachments?.media_keys).toEqual([`3_${mediaId}`]);
    expect(read.includes?.media).toEqual([{ media_key: `3_${mediaId}`, type: 'photo' }]);
  });

  it('answers each step in the documented shapes, images without processing_info', async () => {
    const init = await x.v2.post('media/upload/initialize', {
      media_type: 'image/png',
      total_bytes: 10,
      media_category: 'tweet_image',
    });
    const id = init.data.id;
    const append = await x.v2.post(
      `media/upload/${id}/append`,
      { segment_index: 0, media: image(10) },
      { forceBodyMode: 'form-data' },
    );
    const finalize = await x.v2.post(`media/upload/${id}/finalize`);

    expect(validate('MediaUploadResponse', init)).toEqual([]);
    expect(validate('MediaUploadAppendResponse', append)).toEqual([]);
    expect(validate('MediaUploadResponse', finalize)).toEqual([]);
    expect(init.data).toEqual({ id, media_key: `3_${id}`, expires_after_secs: 86400 });
    expect(finalize.data).toMatchObject({ id, size: 10 });
    expect(finalize.data.processing_info).toBeUndefined();
  });

  it('processes a video: pending at finalize, then succeeded after check_after_secs', async () => {
    const init = await x.v2.post('media/upload/initialize', {
      media_type: 'video/mp4',
      total_bytes: 4,
      media_category: 'tweet_video',
    });
    const id = init.data.id;
    await x.v2.post(
      `media/upload/${id}/append`,
      { segment_index: 0, media: image(4) },
      { forceBodyMode: 'form-data' },
    );
    const finalize = await x.v2.post(`media/upload/${id}/finalize`);
    const early = await x.v2.get('media/upload', { command: 'STATUS', media_id: id });
    const tooSoon = await xRefusal(x.v2.tweet({ text: 'Video!', media: { media_ids: [id] } }));
    await sandbox.control.advanceClock(1_000);
    const done = await x.v2.get('media/upload', { command: 'STATUS', media_id: id });

    expect(validate('MediaUploadResponse', finalize)).toEqual([]);
    expect(finalize.data.processing_info).toEqual({
      state: 'pending',
      check_after_secs: 1,
      progress_percent: 50,
    });
    expect(early.data.processing_info.state).toBe('in_progress');
    expect(tooSoon.status).toBe(400);
    expect(done.data.processing_info).toEqual({ state: 'succeeded', progress_percent: 100 });
    await expect(x.v2.tweet({ text: 'Video!', media: { media_ids: [id] } })).resolves.toBeDefined();
  });

  it('lets uploadMedia wait for video processing', async () => {
    const id = await x.v2.uploadMedia(image(1000), { media_type: 'video/mp4' });

    await expect(x.v2.tweet({ text: 'Tour', media: { media_ids: [id] } })).resolves.toBeDefined();
  });

  it('stores alt text sent with createMediaMetadata', async () => {
    const id = await x.v2.uploadMedia(image(100), { media_type: 'image/png' });

    const answer = await x.v2.createMediaMetadata(id, { alt_text: { text: 'A smiling nurse' } });
    await x.v2.tweet({ text: 'Meet Sam', media: { media_ids: [id] } });

    expect(validate('MetadataCreateResponse', answer)).toEqual([]);
    expect(answer.data).toEqual({
      id,
      associated_metadata: { alt_text: { text: 'A smiling nurse' } },
    });
    expect((await sandbox.control.xTweets(demo.id))[0].altTexts).toEqual(['A smiling nurse']);
    const tooLong = await xRefusal(
      x.v2.createMediaMetadata(id, { alt_text: { text: 'a'.repeat(1001) } }),
    );
    expect(tooLong.status).toBe(400);
  });

  it('refuses media that is unfinished, unknown or of another account', async () => {
    const other = redirectedTwitterApi(sandbox.url, otherDemo.accessToken);
    const othersMedia = await other.v2.uploadMedia(image(10), { media_type: 'image/png' });
    const unfinished = (
      await x.v2.post('media/upload/initialize', { media_type: 'image/png', total_bytes: 10 })
    ).data.id;

    for (const id of [othersMedia, unfinished, '12345']) {
      const error = await xRefusal(x.v2.tweet({ text: `With ${id}`, media: { media_ids: [id] } }));
      expect(error.status).toBe(400);
      expect(error.body.errors?.[0]).toEqual({
        message: 'Your media IDs are invalid.',
        parameters: { 'media.media_ids': [id] },
      });
    }
  });

  it('refuses a finalize whose segments do not add up', async () => {
    const id = (
      await x.v2.post('media/upload/initialize', { media_type: 'image/png', total_bytes: 10 })
    ).data.id;
    await x.v2.post(
      `media/upload/${id}/append`,
      { segment_index: 0, media: image(4) },
      { forceBodyMode: 'form-data' },
    );

    const error = await xRefusal(x.v2.post(`media/upload/${id}/finalize`));

    expect(error.status).toBe(400);
    expect(error.body.errors?.[0].message).toBe(
      'Segments do not add up to provided total file size.',
    );
  });

  it('refuses a type that does not fit the category, and an image over 5 MB', async () => {
    const wrongType = await xRefusal(
      x.v2.post('media/upload/initialize', {
        media_type: 'video/mp4',
        total_bytes: 10,
        media_category: 'tweet_image',
      }),
    );
    const tooBig = await xRefusal(
      x.v2.post('media/upload/initialize', {
        media_type: 'image/png',
        total_bytes: 6 * 1024 * 1024,
      }),
    );

    expect(wrongType.status).toBe(400);
    expect(tooBig.status).toBe(400);
  });

  it('needs the media.write scope', async () => {
    const account = await sandbox.control.createXAccount();
    const link = redirectedTwitterApi(sandbox.url, { clientId: 'c' }).generateOAuth2AuthLink(
      'http://localhost/cb',
      { scope: ['tweet.read', 'tweet.write', 'users.read'] },
    );
    const consent = await fetch(
      `${sandbox.url}/i/oauth2/authorize${new URL(link.url).search}&sandbox_account=${account.id}`,
      {
        redirect: 'manual',
      },
    );
    const code = new URL(consent.headers.get('location')!).searchParams.get('code')!;
    const login = await redirectedTwitterApi(sandbox.url, { clientId: 'c' }).loginWithOAuth2({
      code,
      codeVerifier: link.codeVerifier,
      redirectUri: 'http://localhost/cb',
    });

    const error = await xRefusal(
      login.client.v2.uploadMedia(image(10), { media_type: 'image/png' }),
    );

    expect(error.status).toBe(403);
  });

  it('has a validator that notices a body the document does not allow', () => {
    expect(validate('MediaUploadResponse', { data: { id: 'abc' } })).toEqual([
      '/data/id must match pattern "^[0-9]{1,19}$"',
    ]);
  });
});
