import type { PhiFinding } from '../phi-finding';
import type { ScanDocument } from '../scan-document';
import type { Span } from '../scan-text';

const NANP = /(?<![\d+])(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}(?![\d-])/g;
const INTERNATIONAL = /(?<![\d\w])\+(?!1[\s.-]?\(?\d{3})\d{1,3}(?:[\s.-]?\d{1,5}){2,5}(?![\d-])/g;
// Mexico and Spain write national numbers in other groups: "81 1555 2398", "(81) 5555 0100", "91 555 0342".
const NATIONAL_ES =
  /(?<![\d+])(?:\(\d{2}\)\s?|\d{2}\s)\d{4}\s\d{4}(?![\d-])|(?<![\d+])[89]\d\s\d{3}\s\d{2}\s?\d{2}(?![\d-])/g;
const TOLL_FREE = /^(?:\+?1[\s.-]?)?\(?8(?:00|33|44|55|66|77|88)\)?/;

// The number belongs to a person: their family, their cell, "call me".
const PERSONAL =
  /(?<!\p{L})(?:(?:a|the|our|this) patient\b(?! (?:relations|experience|financial|advocate|portal|services|access|navigator|liaison|line))|his|her|their|my|patient['’]s|family|families|mom|dad|mother|father|son|daughter|wife|husband|sister|brother|emergency contact|cell|mobile|whatsapp|home phone|call me|text me|reach (?:him|her|them|me)|su (?:esposo|esposa|hij[oa]|mam[áa]|pap[áa]|familia)|mi (?:hermana|hermano|t[íi]a|t[íi]o|mam[áa]|pap[áa]|hij[oa]|espos[oa]|familia|prim[oa]|abuel[oa])|celular|ll[áa]mame|m[íi] n[úu]mero)(?!\p{L})/iu;
// The number is a service line: "call our nurse line", "to schedule, call".
const INSTITUTIONAL =
  /(?<!\p{L})(?:our|us|line|office|desk|center|clinic|department|appointments?|schedul\w*|book\w*|register|hotline|helpline|warmline|questions|info|information|referrals?|option|ext|sign up|rsvp|reservations?|call center|front desk|main line|program|team|services?|nuestr[oa]s?|oficina|citas?|informes|llame|departamento|l[íi]nea|horario)(?!\p{L})/iu;

const FAX_BEFORE = /\bfax\b[^\d\n]{0,12}$/i;

const INSTITUTIONAL_AFTER =
  /^\W{0,3}(?:to (?:pre-?register|register|schedule|book|sign up|learn|enroll|rsvp)|for (?:appointments?|info|information|tickets|details))\b/i;

/** Phone numbers: the organization's own lines pass; a person's number blocks. */
export function detectPhones(doc: ScanDocument): PhiFinding[] {
  const findings: PhiFinding[] = [];
  const patterns = doc.lang === 'es' ? [NANP, INTERNATIONAL, NATIONAL_ES] : [NANP, INTERNATIONAL];
  for (const pattern of patterns) {
    for (const m of doc.text.matchAll(pattern)) {
      const span = { start: m.index, end: m.index + m[0].length };
      const digits = m[0].replace(/\D/g, '');
      const shortest = pattern === NATIONAL_ES ? 9 : 10;
      if (digits.length < shortest || digits.length > 15) continue;
      if (findings.some((f) => f.start < span.end && span.start < f.end)) continue;
      if (doc.allow.hasPhone(m[0]) || TOLL_FREE.test(m[0])) continue;
      const finding = judge(doc, span);
      const fax = FAX_BEFORE.test(doc.text.slice(Math.max(0, span.start - 20), span.start));
      if (finding) findings.push(fax ? { ...finding, kind: 'fax' } : finding);
    }
  }
  return findings;
}

function judge(doc: ScanDocument, span: Span): PhiFinding | undefined {
  const { before } = doc.around(span, 80);
  const clause = before.slice(before.search(/[^;—]*$/));
  const previous = doc.sentences[Math.max(0, doc.sentenceIndexAt(span.start) - 1)];
  const shown = `${doc.text.slice(span.start, span.end).slice(0, 7)}…`;
  if (PERSONAL.test(clause) || doc.patientInSentence(span)) {
    return doc.finding(
      'phone',
      'block',
      span,
      `A personal phone number (${shown}) tied to a patient or their family.`,
    );
  }
  if (
    INSTITUTIONAL.test(doc.prose(previous.start, span.start)) ||
    INSTITUTIONAL_AFTER.test(doc.prose(span.end, span.end + 30))
  ) {
    return undefined;
  }
  return doc.finding(
    'phone',
    'warn',
    span,
    `A phone number (${shown}) that is not one of the organization's own lines.`,
  );
}
