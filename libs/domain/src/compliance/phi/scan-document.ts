import { AllowList } from './allow-list';
import type { FindingSeverity, PhiFinding, PhiKind, ScanContext } from './phi-finding';
import type { PublishedField } from './published-field';
import { ScanText, type Span } from './scan-text';

/** Everything the detectors share about one text being scanned. */
export class ScanDocument extends ScanText {
  readonly allow: AllowList;
  /** Spans of people the name and handle detectors judged to be patients. */
  readonly patients: Span[] = [];
  /** People named whom the name detector could not place as patient, staff or public. */
  readonly undecided: Span[] = [];
  /** Staff, donors, volunteers and public figures the text names: their dates and ages are not PHI. */
  readonly bystanders: Span[] = [];
  /** A hashtag such as #CancerSucks or #NICUgrad: a weak clinical signal for the whole post. */
  clinicalHashtag = false;
  /** A reply speaks to the person it answers, so the reply guard applies. */
  readonly reply: boolean;

  constructor(
    text: string,
    context: ScanContext | undefined,
    readonly field: PublishedField,
    readonly lang: 'en' | 'es',
  ) {
    super(text);
    this.allow = new AllowList(context);
    this.reply = field === 'reply';
  }

  finding(kind: PhiKind, severity: FindingSeverity, span: Span, reason: string): PhiFinding {
    const { start, end } = span;
    return { kind, severity, start, end, text: this.text.slice(start, end), reason };
  }

  /** True when a patient was named in the same sentence as the span. */
  patientInSentence(span: Span): boolean {
    return this.inSentence(this.patients, span);
  }

  /** True when the sentence of the span names staff or a public figure and no patient. */
  onlyBystandersInSentence(span: Span): boolean {
    return this.inSentence(this.bystanders, span) && !this.patientInSentence(span);
  }

  private inSentence(people: readonly Span[], span: Span): boolean {
    const s = this.sentenceAt(span.start);
    return people.some((p) => p.start >= s.start && p.start < s.end);
  }
}
