import type { PhiFinding } from '../phi-finding';
import { STRONG_CLINICAL } from '../phi-lexicon';
import type { ScanDocument } from '../scan-document';
import { overlaps, type Span } from '../scan-text';

// "Dr" followed by a name is a title ("Oak Dr Smith" is not a thing, "Dr. Smith" is).
const STREET_TYPE =
  'Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Dr(?!\\.?\\s+\\p{Lu}\\p{Ll})|Lane|Ln|Way|Court|Ct|Place|Pl|Parkway|Pkwy|Highway|Hwy|Terrace|Ter|Circle|Cir|Trail|Trl|Square|Sq|Loop|Pike|Row|Crossing|Xing';
const STREET = new RegExp(
  String.raw`\b\d{1,6}(?:-\d{1,4})?\s+(?:(?:[NSEW]\.?|North|South|East|West)\s+)?(?:(?:\p{Lu}[\p{L}'’]*|\d{1,3}(?:st|nd|rd|th))\.?\s+){1,3}(?:${STREET_TYPE})\b\.?(?:,?\s+(?:Apt|Apartment|Unit|Suite|Ste|#)\.?\s*[\w-]+)?`,
  'gu',
);
// "1207 Calle Sol", "3415 Calle Morelos, Apt. B": a Spanish street name with the number first (US).
const NUMBER_CALLE = new RegExp(
  String.raw`\b\d{1,6}\s+(?:Calle|Avenida|Camino|Paseo|Via|V[íi]a|Plaza)\s+(?:(?:de|del|la|las|los|el)\s+)?(?:\p{Lu}[\p{L}'’.]*\s?){1,3}(?:,?\s+(?:Apt|Apartment|Unit|Suite|Ste|#)\.?\s*[\w-]+)?`,
  'gu',
);
const PO_BOX = /\bP\.?\s?O\.?\s+Box\s+\d+|\b[Aa]partado [Pp]ostal\s+\d+/gi;
// Spanish puts the street type first and the number last: "Calle Olivo 218", "Av. Las Palmas 1310",
// "Privada Los Álamos 7", "Avenida de América 45, 5ºA".
const CALLE = new RegExp(
  String.raw`(?<!\p{L})(?:[Cc]alle|C\/|[Aa]venida|[Aa]v\.|[Pp]rivada|[Cc]alzada|[Cc]arretera|[Cc]amino|[Pp]aseo|[Cc]errada|[Rr]onda)\s+(?:(?:de|del|la|las|los|el)\s+)?(?:\p{Lu}[\p{L}'’.]*\s+){1,3}\d{1,5}(?:,?\s+\d{1,2}º\s?[A-Z]?)?(?!\d)`,
  'gu',
);
const STATE = String.raw`(?:PR|GU|VI|A[LKZR]|C[AOT]|D[EC]|FL|GA|HI|I[DLNA]|K[SY]|LA|M[EDAINSOT]|N[EVHJMYCD]|O[HKR]|PA|RI|S[CD]|T[NX]|UT|V[TA]|W[AVIY])`;
const ZIP_IN_ADDRESS = new RegExp(
  String.raw`,\s*[\p{L} .'-]{2,30},?\s+${STATE}\.?\s+(\d{5}(?:-\d{4})?)\b`,
  'gu',
);
const ZIP_AFTER_ADDRESS = /^[^.!?\n\d]{0,40}?\b(\d{5}(?:-\d{4})?)\b(?!\d|,\d)/u;
const ZIP_CUE =
  /\b(?:zip(?: code)?|lives in|living in|from|resident of|home in)\s+(\d{5}(?:-\d{4})?)\b(?![\d,])(?!\s+[a-z]+s\b)/gi;

// A person lives or is found there.
const PERSONAL_BEFORE =
  /(?:\b(?:home|house|lives|living|resides|residence|apartment|patient|post-op|from|picked up|brought|casa|vivo|vive|viven|domicilio|paciente)\b|direcci[óo]n)[^.!?]{0,30}$/i;
// A venue or the organization's own site: a public place, an event, a move.
const VENUE =
  /\b(?:located|visit us|find us|join us|held at|hosted at|moved|new address|open (?:to|daily|until|from|24\/7)|walk-ins|clinic|center|hospital|office|campus|suite|shelter|school|church|park|inn|hotel|ballroom|library|venue|pavilion|stadium|field|ymca|pharmacy|store|market|mall|plaza|arena|theater|kroger|walmart|target|walgreens|cvs)\b|📍/i;

/** Street addresses and ZIP codes: a patient's home blocks, a venue or the organization's site passes. */
export function detectAddresses(doc: ScanDocument): PhiFinding[] {
  const findings: PhiFinding[] = [];
  const addresses: { span: Span; severity?: 'block' | 'warn' }[] = [];
  for (const pattern of [STREET, NUMBER_CALLE, PO_BOX, CALLE]) {
    for (const m of doc.text.matchAll(pattern)) {
      const span = { start: m.index, end: m.index + m[0].length };
      const severity = judgeAddress(doc, span);
      addresses.push({ span, severity });
      if (severity) {
        findings.push(doc.finding('street_address', severity, span, addressReason(severity)));
      }
    }
  }
  for (const m of doc.text.matchAll(ZIP_IN_ADDRESS)) {
    const start = m.index + m[0].length - m[1].length;
    const zip = { start, end: start + m[1].length };
    const owner = addresses.find((a) => a.span.end <= zip.start && zip.start - a.span.end < 45);
    const severity = owner ? owner.severity : isVenue(doc, zip) ? undefined : 'warn';
    if (severity) findings.push(zipFinding(doc, zip, severity, 'in an address tied to a person'));
  }
  // "14 Calle Ocotillo, Tucson 85706": five digits a town after a street address are its ZIP.
  for (const a of addresses) {
    const m = ZIP_AFTER_ADDRESS.exec(doc.text.slice(a.span.end, a.span.end + 45));
    if (!m || !a.severity) continue;
    const start = a.span.end + m.index + m[0].length - m[1].length;
    const zip = { start, end: start + m[1].length };
    if (!findings.some((f) => overlaps(f, zip))) {
      findings.push(zipFinding(doc, zip, a.severity, 'in an address tied to a person'));
    }
  }
  for (const m of doc.text.matchAll(ZIP_CUE)) {
    const start = m.index + m[0].length - m[1].length;
    const zip = { start, end: start + m[1].length };
    if (!findings.some((f) => overlaps(f, zip))) {
      findings.push(zipFinding(doc, zip, 'warn', 'narrows a person down to a neighborhood'));
    }
  }
  return findings;
}

function zipFinding(doc: ScanDocument, zip: Span, severity: 'block' | 'warn', why: string) {
  const shown = doc.text.slice(zip.start, zip.start + 3);
  return doc.finding('zip_code', severity, zip, `A ZIP code (${shown}…) ${why}.`);
}

function judgeAddress(doc: ScanDocument, span: Span): 'block' | 'warn' | undefined {
  const address = doc.text.slice(span.start, span.end);
  if (doc.allow.hasAddress(address)) return undefined;
  const { before, sentence } = doc.around(span, 40);
  // "meant for "Diane Frost, 7731 Birch Hollow Rd"": the address of the person named right before it.
  const named = [...doc.patients, ...doc.undecided].some(
    (p) => p.end <= span.start && /^\W{0,4}$/.test(doc.text.slice(p.end, span.start)),
  );
  if (
    /\b(?:Apt|Apartment|Unit)\b/i.test(address) ||
    PERSONAL_BEFORE.test(before) ||
    named ||
    doc.patientInSentence(span)
  ) {
    return 'block';
  }
  if (VENUE.test(before)) return undefined;
  if (STRONG_CLINICAL.test(sentence)) return 'block';
  return isVenue(doc, span) ? undefined : 'warn';
}

/** Venue words anywhere before ("Our urgent care is open to walk-ins. ... 1820 N 16th St"). */
function isVenue(doc: ScanDocument, span: Span): boolean {
  return VENUE.test(doc.prose(0, span.start));
}

const addressReason = (severity: 'block' | 'warn') =>
  severity === 'block'
    ? 'A street address tied to a patient, which identifies where they live.'
    : "A street address that is not one of the organization's own; check it is a public venue.";
