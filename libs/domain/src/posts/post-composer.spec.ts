import { composeContent, mergeContentInput, youtubeTagsLength } from './post-composer';

const channels = [
  { id: 'cx', platform: 'x' as const, status: 'connected' as const },
  { id: 'cy', platform: 'youtube' as const, status: 'connected' as const },
];
const media = [
  { id: 'img', kind: 'image' as const },
  { id: 'vid', kind: 'video' as const },
  { id: 'cap', kind: 'caption' as const },
];

describe('composeContent', () => {
  it('counts X text by twitter-text weight: a URL is 23, an emoji 2', () => {
    const url = `https://example.org/${'a'.repeat(200)}`;
    const fits = `${url} ${'🎉'.repeat(128)}`; // 23 + 1 + 256 = 280
    expect(composeContent({ channelIds: ['cx'], text: fits }, channels, media).x?.text).toBe(fits);
    expect(() => composeContent({ channelIds: ['cx'], text: `${fits}!` }, channels, media)).toThrow(
      'x.text is 281 weighted characters; X allows 280',
    );
  });

  it('routes shorthand mediaIds: images to X, the video and captions to YouTube', () => {
    const content = composeContent(
      {
        channelIds: ['cy', 'cx'],
        text: 'hi',
        mediaIds: ['img', 'vid', 'cap'],
        youtube: { title: 't', madeForKids: false },
      },
      channels,
      media,
    );
    expect(content).toMatchObject({
      channelIds: ['cx', 'cy'],
      x: { images: [{ mediaId: 'img', altText: '' }] },
      youtube: { videoMediaId: 'vid', captionMediaId: 'cap', privacyStatus: 'public' },
    });
  });
});

describe('mergeContentInput', () => {
  const base = {
    channelIds: ['cx', 'cy'],
    x: { text: 'old', images: [] },
    youtube: { title: 'T', videoMediaId: 'vid' },
  };

  it('keeps what the edit leaves out, even when the edit carries undefined fields', () => {
    const merged = mergeContentInput(
      base,
      { youtube: { title: 'New', videoMediaId: undefined } },
      new Set(['x', 'youtube'] as const),
    );
    expect(merged.youtube).toEqual({ title: 'New', videoMediaId: 'vid' });
    expect(merged.x).toEqual(base.x);
  });

  it("drops a platform's stored fields when the edit drops its channels", () => {
    const merged = mergeContentInput(base, { channelIds: ['cx'] }, new Set(['x'] as const));
    expect(merged.youtube).toBeUndefined();
  });
});

describe('youtubeTagsLength', () => {
  it('counts commas between tags and quotes around tags with a space', () => {
    expect(youtubeTagsLength(['heart', 'heart health'])).toBe(5 + 1 + 14);
    expect(youtubeTagsLength([])).toBe(0);
  });
});
