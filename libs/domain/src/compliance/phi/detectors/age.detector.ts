import type { PhiFinding } from '../phi-finding';
import { PERSON_REFERENCE, STRONG_CLINICAL, WEAK_CLINICAL } from '../phi-lexicon';
import type { ScanDocument } from '../scan-document';
import type { Span } from '../scan-text';

const AGE = String.raw`(?:9\d|1[01]\d)`;
const NOT_AN_AGE = String.raw`(?!\d|[.,]\d|\s?%)(?!\s*(?:percent|minutes|min|hours|days|weeks|miles|beds|degrees|°|people|patients|babies|kids|runners))`;
const AGE_PATTERNS = [
  new RegExp(String.raw`\b${AGE}\s?-?\s?(?:years?|yrs?)[- ](?:old|young)\b`, 'gi'),
  new RegExp(String.raw`\b${AGE}\s?(?:y/o|y\.o\.|yo)\b`, 'gi'),
  new RegExp(String.raw`\b(?:aged?|at age|age of)\s+${AGE}\b${NOT_AN_AGE}`, 'gi'),
  new RegExp(String.raw`\bturn(?:s|ed|ing)?\s+${AGE}\b${NOT_AN_AGE}`, 'gi'),
  new RegExp(
    String.raw`\b${AGE}(?:st|nd|rd|th)\s+birthday\b|\bhappy\s+${AGE}(?:st|nd|rd|th)\b`,
    'gi',
  ),
  // "she's 98", "(93!)", "#101AndCounting", "Cumplo 100".
  new RegExp(String.raw`\b(?:he|she|I)['’]?(?:s|m| is| am)\s+${AGE}\b${NOT_AN_AGE}`, 'gi'),
  new RegExp(String.raw`\(${AGE}!?\)|#${AGE}(?=\p{Lu})`, 'gu'),
  new RegExp(String.raw`(?:^|(?<=[.!?]\s+))At\s+${AGE}(?=,)`, 'g'),
  new RegExp(String.raw`\b(?:was|is|now)\s+${AGE}\b${NOT_AN_AGE}`, 'gi'),
  new RegExp(
    String.raw`\b(?:oldest|eldest)(?:\s+\w+){0,3}?\s*(?:[:,]|was|is|at)\s*${AGE}\b${NOT_AN_AGE}`,
    'gi',
  ),
  new RegExp(String.raw`\b${AGE}\s+años\b`, 'gi'),
  new RegExp(
    String.raw`\bcumplea[ñn]os\s+(?:n[úu]mero\s+)?${AGE}\b|\b${AGE}\s+cumplea[ñn]os`,
    'gi',
  ),
  new RegExp(
    String.raw`\b(?:cumpli[óo]|cumple|cumplo|tengo|tiene|ten[íi]a|a los|a sus)\s+${AGE}\b${NOT_AN_AGE}`,
    'gi',
  ),
  /(?<!\p{L})(?:noventa(?: y \p{L}+)?|cien|ciento \p{L}+(?: y \p{L}+)?)\s+años(?!\p{L})/giu,
  /\b(?:ninety|one hundred(?: and)?)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?[- ]years?[- ](?:old|young)\b/gi,
  // Spoken: "I'm ninety-one!", "she turned one hundred".
  /\b(?:I['’]?m|I am|he['’]?s|she['’]?s|turn(?:s|ed|ing)?)\s+(?:ninety|one hundred)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?\b/gi,
];
const APPOSITION = new RegExp(String.raw`^,\s*(${AGE})(?=,)`);
const NON_PATIENT =
  /\b(?:volunteer\w*|retir\w*|employee|staff|donor|coordinator|trustee|board|veterans|voluntari\w*|jubilad\w*|emplead\w*|donante)\b/i;
const PATIENT = /\b(?:patient|paciente)\b/i;

/** Ages over 89, which HIPAA treats as identifying on their own. */
export function detectAges(doc: ScanDocument): PhiFinding[] {
  const spans: Span[] = [];
  for (const pattern of AGE_PATTERNS) {
    for (const m of doc.text.matchAll(pattern))
      spans.push({ start: m.index, end: m.index + m[0].length });
  }
  for (const p of doc.patients) {
    const m = APPOSITION.exec(doc.text.slice(p.end, p.end + 8));
    if (m) spans.push({ start: p.end + m[0].length - m[1].length, end: p.end + m[0].length });
  }
  const findings: PhiFinding[] = [];
  for (const span of spans) {
    const { sentence } = doc.around(span);
    // An age in a text that names a patient or speaks of care is that person's.
    // So is a person's age in a hospital's ward ("turned 104 on the medical floor today").
    const patient =
      doc.patients.length > 0 ||
      STRONG_CLINICAL.test(doc.prose()) ||
      PATIENT.test(sentence) ||
      (PERSON_REFERENCE.test(sentence) && WEAK_CLINICAL.test(sentence));
    // "our oldest volunteer, Mr. Ernest Pruitt, who turns 92": a volunteer's age, even on a patient floor.
    const bystander = NON_PATIENT.test(sentence) || doc.onlyBystandersInSentence(span);
    if (bystander && !doc.patientInSentence(span)) continue;
    const text = doc.text.slice(span.start, span.end);
    findings.push(
      patient
        ? doc.finding(
            'age_over_89',
            'block',
            span,
            `An age over 89 (${text}) about a patient identifies them under HIPAA.`,
          )
        : doc.finding(
            'age_over_89',
            'warn',
            span,
            `An age over 89 (${text}); HIPAA treats it as identifying if this is a patient.`,
          ),
    );
  }
  return findings;
}
