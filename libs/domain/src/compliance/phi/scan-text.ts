export interface Span {
  start: number;
  end: number;
}

// A period after these words does not end a sentence (titles, months, street types, initials).
const NON_TERMINAL_ABBREVIATION =
  /(?:^|[\s(])(?:Dr|Mr|Mrs|Ms|Mx|St|Sgt|Col|Capt|Lt|Rev|Ret|Prof|Gov|Sen|Rep|Jr|Sr|Mt|Ft|No|vs|ext|approx|Ave|Blvd|Rd|Ln|Apt|Ste|Pkwy|Hwy|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mon|Tue|Tues|Wed|Thu|Thurs|Fri|Sat|Sun|Ins|Soc|Sec|Rx|Ep|D\.C|U\.S|e\.g|i\.e|\p{Lu})$/u;
// A lowercase word after the stop means it was not the end ("2:17 a.m. to proud parents").
const SENTENCE_END = /[.!?…]+["'’”)]*(?=\s+(?!\p{Ll}))|\n+/gu;

/**
 * The post text plus a copy in which links, emails, handles and hashtags are blanked out
 * (same length, so offsets line up), so that cue words inside a URL slug never count as prose.
 */
export class ScanText {
  readonly sentences: Span[];
  private masked: string;

  constructor(readonly text: string) {
    this.masked = text;
    this.sentences = splitSentences(text);
  }

  /** Blank out spans (links, handles...) in the prose used for cue matching. */
  maskSpans(spans: readonly Span[]): void {
    let out = this.masked;
    for (const s of spans)
      out = out.slice(0, s.start) + ' '.repeat(s.end - s.start) + out.slice(s.end);
    this.masked = out;
  }

  prose(start = 0, end = this.text.length): string {
    return this.masked.slice(Math.max(0, start), Math.min(this.text.length, end));
  }

  sentenceIndexAt(pos: number): number {
    const { sentences } = this;
    for (let i = 0; i < sentences.length; i++) if (pos < sentences[i].end) return i;
    return sentences.length - 1;
  }

  sentenceAt(pos: number): Span {
    return this.sentences[this.sentenceIndexAt(pos)];
  }

  /** Prose of the sentence around a span, split into the part before and the part after it. */
  around(span: Span, maxChars = 120): { before: string; after: string; sentence: string } {
    const s = this.sentenceAt(span.start);
    return {
      before: this.prose(Math.max(s.start, span.start - maxChars), span.start),
      after: this.prose(span.end, Math.min(s.end, span.end + maxChars)),
      sentence: this.prose(s.start, s.end),
    };
  }
}

function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  for (const m of text.matchAll(SENTENCE_END)) {
    const end = m.index + m[0].length;
    if (m[0].startsWith('.') && m[0].length === 1 && isAbbreviation(text, m.index)) continue;
    if (end > start) spans.push({ start, end });
    start = end;
  }
  if (start < text.length || spans.length === 0) spans.push({ start, end: text.length });
  return spans;
}

function isAbbreviation(text: string, dot: number): boolean {
  return NON_TERMINAL_ABBREVIATION.test(text.slice(Math.max(0, dot - 6), dot));
}

/** "4829173" -> "4829…": enough for a reviewer to find it, not enough to repeat it. */
export function preview(value: string, keep = 4): string {
  const v = value.trim();
  return v.length <= keep + 1 ? v : `${v.slice(0, keep)}…`;
}

export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}
