import { captionTranscript } from './caption-transcript';

describe('captionTranscript', () => {
  it('reads SRT cues as one transcript, each cue a segment with its time range', () => {
    const srt =
      '1\n00:00:01,000 --> 00:00:02,500\nHello there\n\n2\n00:00:02,500 --> 00:00:04,000\nSee you\n';
    expect(captionTranscript(srt)).toEqual({
      text: 'Hello there\nSee you',
      segments: [
        { start: 0, end: 11, cue: { index: 0, startMs: 1000, endMs: 2500 } },
        { start: 12, end: 19, cue: { index: 1, startMs: 2500, endMs: 4000 } },
      ],
    });
  });

  it('reads WebVTT after a byte-order mark and leaves out cue markup', () => {
    const vtt = '\uFEFFWEBVTT\n\n00:00.000 --> 00:01.500\n<v Nurse>Room <b>412</b>\n';
    expect(captionTranscript(vtt)).toEqual({
      text: 'Room 412',
      segments: [{ start: 0, end: 8, cue: { index: 0, startMs: 0, endMs: 1500 } }],
    });
  });
});
