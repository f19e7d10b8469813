import type { PhiFinding } from '../phi-finding';
import { STRONG_CLINICAL } from '../phi-lexicon';
import type { ScanDocument } from '../scan-document';

const CLINICAL = new RegExp(STRONG_CLINICAL.source, 'gi');

/**
 * Outside replies (which the reply guard reads), the care of a patient the post names is part of
 * what identifies them: each clinical phrase in a sentence naming a patient is marked for review.
 */
export function detectCareMentions(doc: ScanDocument): PhiFinding[] {
  if (doc.reply || doc.patients.length === 0) return [];
  const findings: PhiFinding[] = [];
  const sentences = new Set(doc.patients.map((p) => doc.sentenceIndexAt(p.start)));
  for (const i of sentences) {
    const s = doc.sentences[i];
    for (const m of doc.prose(s.start, s.end).matchAll(CLINICAL)) {
      const start = s.start + m.index;
      findings.push(
        doc.finding(
          'care_mention',
          'warn',
          { start, end: start + m[0].length },
          "Describes the named patient's care.",
        ),
      );
    }
  }
  return findings;
}
