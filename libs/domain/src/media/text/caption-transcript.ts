import { parseSync } from 'subtitle';
import { joinSegments, MediaText } from './media-text';

// WebVTT cue markup (<v Nurse>, <b>, <00:01.000>) is not spoken text.
const CUE_MARKUP = /<[^>]*>/g;

/** The cues of an SRT or WebVTT track as one transcript, each cue a segment with its time range. */
export function captionTranscript(track: string): MediaText {
  const cues = parseSync(track.replace(/^\uFEFF/, '')).flatMap((node) =>
    node.type === 'cue' ? [node.data] : [],
  );
  return joinSegments(
    cues.map((cue, index) => ({
      text: cue.text.replace(CUE_MARKUP, '').trim(),
      cue: { index, startMs: cue.start, endMs: cue.end },
    })),
  );
}
