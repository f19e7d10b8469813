import { CLINICAL_ACRONYM_TERM, CLINICAL_TERM } from '../clinical-terms';
import type { PhiFinding } from '../phi-finding';
import { STRONG_CLINICAL } from '../phi-lexicon';
import type { ScanDocument } from '../scan-document';
import { overlaps, type Span } from '../scan-text';

const CARE_WORDS = [
  new RegExp(STRONG_CLINICAL.source, 'giu'),
  CLINICAL_TERM,
  CLINICAL_ACRONYM_TERM,
];

/**
 * Health information beside anything that identifies a person is theirs (HIPAA's PHI): once a
 * patient is named or anything else blocks, each condition, procedure, test and stay it mentions is marked for review.
 */
export function detectCareMentions(doc: ScanDocument, found: readonly PhiFinding[]): PhiFinding[] {
  const identified =
    doc.patients.length > 0 ||
    found.some((f) => f.severity === 'block' && f.kind !== 'restricted_term');
  if (!identified) return [];
  const prose = doc.prose();
  const spans: Span[] = [];
  for (const pattern of CARE_WORDS) {
    for (const m of prose.matchAll(pattern)) {
      spans.push({ start: m.index, end: m.index + m[0].trimEnd().length });
    }
  }
  // The longest phrase wins: "hip replacement" rather than "replacement".
  spans.sort((a, b) => b.end - b.start - (a.end - a.start));
  const kept: Span[] = [];
  for (const s of spans) if (!kept.some((k) => overlaps(k, s))) kept.push(s);
  return kept
    .filter((s) => !found.some((f) => f.kind === 'care_mention' && overlaps(f, s)))
    .map((s) =>
      doc.finding('care_mention', 'warn', s, 'Describes the care of the person identified here.'),
    );
}
