/** Where in a caption track a piece of text is spoken, in milliseconds from the start. */
export interface CueRange {
  index: number;
  startMs: number;
  endMs: number;
}

/** Where in an image a piece of text was read, in pixels of the original image. */
export interface ImageRegion {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One cue or one OCR line: `text.slice(start, end)` of the MediaText it belongs to. */
export interface TextSegment {
  start: number;
  end: number;
  cue?: CueRange;
  region?: ImageRegion;
}

/**
 * The text a media file carries, as one string the PHI scanner reads whole (a name in one cue and
 * a diagnosis in the next are one sentence), with segments to point a finding back at its cue or
 * region.
 */
export interface MediaText {
  text: string;
  segments: TextSegment[];
}

/** Joins pieces with line breaks and records where each one sits in the result. */
export function joinSegments(pieces: Array<Omit<TextSegment, 'start' | 'end'> & { text: string }>) {
  const segments: TextSegment[] = [];
  let text = '';
  for (const { text: piece, ...where } of pieces) {
    if (text.length > 0) text += '\n';
    segments.push({ ...where, start: text.length, end: text.length + piece.length });
    text += piece;
  }
  return { text, segments } satisfies MediaText;
}

/** The segments a span of the text touches (a finding may run across two cues or lines). */
export function segmentsOf(mediaText: MediaText, span: { start: number; end: number }) {
  return mediaText.segments.filter((s) => s.start < span.end && span.start < s.end);
}
