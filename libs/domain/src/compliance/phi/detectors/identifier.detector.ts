import type { PhiFinding, PhiKind } from '../phi-finding';
import type { ScanDocument } from '../scan-document';
import { preview } from '../scan-text';

interface KeyedPattern {
  kind: PhiKind;
  label: string;
  minDigits: number;
  /** Group 1 is the keyword, group 2 the identifier. */
  pattern: RegExp;
}

// "MRN: 123", "case number is HC-24-118", "encounter, #E-2025", "plate (CA 8RZK551)".
const SEP = String.raw`\s*,?\s*(?:[:#(]|is|was|es)?\s*#?\s*["“']?`;
const MARKER = String.raw`\s*(?:ID|#|no\.?|number|num\.?)`;
const INSURER = String.raw`(?:[A-Z]{2,5}\s+(?=[A-Z0-9-]*\d))?`;
const RECORD_ID = String.raw`([A-Z]{0,3}-?\d[\d-]{3,}[A-Z]?)\b`;
const PLAN_ID = String.raw`([A-Z0-9]{0,4}-?[A-Z0-9-]*\d[A-Z0-9-]{4,})\b`;
const SERIAL = String.raw`([A-Z0-9]{0,6}-?[A-Z0-9-]*\d[A-Z0-9-]{3,})\b`;
// A plate has letters and digits in any order: "8XKT119", "ABC-1234"; a VIN is 17 characters.
const PLATE = String.raw`((?=[A-Z0-9 -]{0,8}\d)[A-Z0-9]{1,4}[- ]?[A-Z0-9]{2,5}|[A-HJ-NPR-Z0-9]{17})\b`;
const LICENCE = String.raw`((?:[A-Z]{2}\s+)?[A-Z]{0,2}\d[\d-]{4,}[A-Z]?)\b`;
const keyed = (keywords: string, markerRequired: boolean, id: string, prefix = '') =>
  new RegExp(
    String.raw`\b(${keywords})(?:${MARKER})${markerRequired ? '' : '?'}${SEP}${prefix}${id}`,
    'gi',
  );

const KEYED: KeyedPattern[] = [
  {
    kind: 'ssn',
    label: 'a Social Security number',
    minDigits: 4,
    pattern: keyed(
      String.raw`SSN|SS#|S\.S\.N\.?|social security|soc\.?\s*sec\.?|NSS|n[úu]mero de seguro social|seguro social|seguridad social`,
      false,
      String.raw`(?:(?:ending in|ends? (?:with|in)|last (?:4|four)(?: digits)?(?: of)?(?: is)?|terminado en)\s*[:#]?\s*)?((?:\d{3}|[xX*•]{3})[- ]?(?:\d{2}|[xX*•]{2})[- ]?\d{4}|\d{2}\/\d{8}\/\d{2}|\d{4})\b`,
    ),
  },
  {
    kind: 'health_plan_id',
    label: 'a health plan member id',
    minDigits: 5,
    pattern: keyed(
      String.raw`Medicare(?: MBI)?|MBI|Medicaid|Medi-Cal|HICN|p[óo]liza`,
      false,
      PLAN_ID,
      INSURER,
    ),
  },
  {
    kind: 'health_plan_id',
    label: 'a health plan member id',
    minDigits: 5,
    pattern: keyed(
      String.raw`member|subscriber|policy|insurance|ins\.|beneficiary|health plan|plan|afiliado|asegurado`,
      true,
      PLAN_ID,
      INSURER,
    ),
  },
  {
    kind: 'record_number',
    label: 'a medical record or account number',
    minDigits: 4,
    pattern: keyed(
      String.raw`MRN|M\.R\.N\.|medical record|med(?:ical)? rec|patient ID|pt\.? ID|encounter|FIN|CSN|accession|Rx|expediente|historia cl[íi]nica|n[úu]mero de paciente`,
      false,
      RECORD_ID,
    ),
  },
  {
    kind: 'account_number',
    label: 'an account number',
    minDigits: 4,
    pattern: keyed(
      String.raw`acct\.?|account|billing account|invoice|statement|cuenta|factura`,
      false,
      RECORD_ID,
    ),
  },
  {
    kind: 'license_number',
    label: 'a licence number',
    minDigits: 5,
    pattern: keyed(
      String.raw`driver['’]?s licen[cs]e|licen[cs]e|DL|permit|licencia(?: de conducir)?|permiso`,
      false,
      LICENCE,
    ),
  },
  {
    kind: 'device_identifier',
    label: 'a device serial number',
    minDigits: 3,
    pattern: keyed(String.raw`serial|S/N|SN|IMEI|UDI|n[úu]mero de serie`, false, SERIAL),
  },
  {
    kind: 'vehicle_identifier',
    label: 'a vehicle plate or VIN',
    minDigits: 2,
    pattern: keyed(
      String.raw`(?:license |licence )?plates?|VIN|placas?|matr[íi]cula`,
      false,
      PLATE,
    ),
  },
  {
    kind: 'record_number',
    label: 'a medical record or account number',
    minDigits: 4,
    pattern: keyed(
      String.raw`record|chart|patient|visit|case|claim|prescription|specimen|paciente|caso`,
      true,
      RECORD_ID,
    ),
  },
];

// A plate or serial a few words after its keyword: "the plate, ABC-7741", "VIN sticker (3VWD…)",
// "implant number on it, ZH-4471-902". Upper case letters and digits both, so never a plain word.
const MIXED_ID = String.raw`((?:[A-Z]{2}\s)?(?=[A-Z0-9 -]*\d)(?=[A-Z0-9 -]*[A-Z])[A-Z0-9]{1,5}(?:[- ]?[A-Z0-9]{2,6}){1,3}(?:[- ][A-Z](?![\p{L}\d]))?|[A-HJ-NPR-Z0-9]{17})(?![\p{L}\d])`;
// Keywords in any case, without making the identifier after them case-insensitive.
function anyCase(words: string): string {
  return words.replace(/\p{L}/gu, (c) =>
    c.toLowerCase() === c.toUpperCase() ? c : `[${c.toLowerCase()}${c.toUpperCase()}]`,
  );
}
// Up to 40 characters of the same sentence between a keyword and its number ("N.º" is no stop).
const NEAR_GAP = String.raw`(?:[^!?\n\d.]|\.(?!\s)){0,40}?`;
const NEAR: KeyedPattern[] = [
  {
    kind: 'license_number',
    label: 'a licence, permit or certificate number',
    minDigits: 5,
    pattern: new RegExp(
      String.raw`\b(licen[cs]e|licencia|DL|CDL|permit|permiso|placard|certificate|certificado|passport|pasaporte|registration|registro|credencial)\b${NEAR_GAP}\b((?:[A-Z]{2}\s)?[A-Z]{0,3}-?\d[\d-]{4,}[A-Z]?|[A-Z]{1,3}-?\d{5,})\b`,
      'gi',
    ),
  },
  {
    kind: 'vehicle_identifier',
    label: 'a vehicle plate or VIN',
    minDigits: 2,
    pattern: new RegExp(
      String.raw`(?<!\p{L})(${anyCase('license plate|licence plate|plates|plate|placas|placa|tablilla|matrícula|matricula')}|VIN)(?!\p{L})[^.!?\n\d]{0,30}?\b${MIXED_ID}`,
      'gu',
    ),
  },
  {
    kind: 'device_identifier',
    label: 'a device serial number',
    minDigits: 3,
    pattern: new RegExp(
      String.raw`(?<!\p{L})(${anyCase('serial|implant|device|pump|pacemaker|número de serie|numero de serie|serie')}|IMEI|UDI|S/N)(?!\p{L})[^.!?\n\d]{0,30}?(?<![\p{L}\d])${MIXED_ID}`,
      'gu',
    ),
  },
];

// A bank account in IBAN form: "ES91 2100 0418 4502 0005 1332".
const IBAN = /\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){3,7}(?:[ ]?[A-Z0-9]{1,3})?\b/g;
// Any long number a few words after a word that names an identifier: "número de afiliación del
// IMSS es 5207 61 1198 4", "serie ... RNV 884 120 2", "member number 8841 2209 117".
const ID_WORD = String.raw`numbers?|no\.|n\.?º|#|ID|n[úu]mero|afiliaci[óo]n|afiliad[oa]|member|policy|cuenta|account|expediente|folio|serie|serial|registro|case|claim|NSS|CURP|IMSS|RFC|NIE|DNI|tarjeta|card`;
const NUMBER_AFTER_ID_WORD = new RegExp(
  String.raw`(?<![\p{L}])(${ID_WORD})(?![\p{L}])${NEAR_GAP}((?:[A-Z]{1,4}[ -]?)?\d[\d -]{5,}\d)(?![\d-])`,
  'giu',
);
const PHONE_SHAPE = /^(?:1[ .-]?)?\(?\d{3}\)?[ .-]?\d{3}[ .-]?\d{4}$|^\d{2,3}[ .]\d{3}[ .]\d{4}$/;

// Medicare Beneficiary Identifier: 11 characters in a fixed letter/digit pattern.
const MBI =
  /\b[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d-?[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d-?[AC-HJKMNP-RT-Y]{2}\d{2}\b/g;
// Bare 3-2-4 digits; area 000, 666 and 9xx are never issued.
const BARE_SSN = /(?<![\d-])(?!000|666|9\d\d)\d{3}([- ])(?!00)\d{2}\1(?!0000)\d{4}(?![\d-])/g;

// Chart exports label a number with the patient's surname: "MRN: 55-019-882 (Santos)".
const OWNER_AFTER = /^\s*\((\p{Lu}\p{Ll}+(?:[ -]\p{Lu}\p{Ll}+)?)\)/u;

function labelledOwner(doc: ScanDocument, end: number): PhiFinding | undefined {
  const m = OWNER_AFTER.exec(doc.text.slice(end, end + 40));
  if (!m) return undefined;
  const start = end + m[0].indexOf(m[1]);
  return doc.finding(
    'patient_name',
    'block',
    { start, end: start + m[1].length },
    `Names the patient ("${m[1]}") next to their record number.`,
  );
}

// The organization's own numbers, printed for everyone: "Tax ID 94-1156234", "NPI 1487…", "our
// pharmacy is licensed by the State Board, license PHY 51872".
const ORGANIZATION_ID_BEFORE =
  /\b(?:tax|EIN|TIN|NPI|federal|employer|DEA|CLIA|charity|nonprofit|registered charity|RFC de la)\s*$/i;
const ORGANIZATION_LICENCE =
  /\b(?:licen[cs]ed by|accredited by|board of (?:pharmacy|health)|our (?:pharmacy|hospital|clinic|lab|laboratory|facility|center|practice)(?:['’]s)? licen[cs]e)\b|\b(?:nuestra (?:farmacia|cl[íi]nica)|licencia sanitaria)/i;

function isOrganizations(doc: ScanDocument, keywordAt: number): boolean {
  if (ORGANIZATION_ID_BEFORE.test(doc.text.slice(Math.max(0, keywordAt - 16), keywordAt)))
    return true;
  return ORGANIZATION_LICENCE.test(doc.around({ start: keywordAt, end: keywordAt }).sentence);
}

/** SSNs, record, account, licence, device and vehicle numbers, health-plan ids: always block. */
export function detectIdentifiers(doc: ScanDocument): PhiFinding[] {
  const findings: PhiFinding[] = [];
  const { text } = doc;
  for (const { kind, label, minDigits, pattern } of [...KEYED, ...NEAR]) {
    for (const m of text.matchAll(pattern)) {
      const id = m[2];
      if (isOrganizations(doc, m.index)) continue;
      // Identifiers are printed in capitals and digits; "plate of 20" is not one.
      const digits = (id.match(/\d/g) ?? []).length;
      // Lower case is prose ("plate of 20"), except the x's that mask an SSN ("xxx-xx-6618").
      const prose = /\p{Ll}/u.test(kind === 'ssn' ? id.replace(/x/g, '') : id);
      if (digits < minDigits || prose || PHONE_SHAPE.test(id)) continue;
      const start = m.index + m[0].lastIndexOf(id);
      findings.push(
        doc.finding(
          kind,
          'block',
          { start, end: start + id.length },
          `Looks like ${label} (${m[1]} ${preview(id)}).`,
        ),
      );
      const owner = kind === 'health_plan_id' ? undefined : labelledOwner(doc, start + id.length);
      if (owner) findings.push(owner);
    }
  }
  for (const m of text.matchAll(IBAN)) {
    const span = { start: m.index, end: m.index + m[0].length };
    findings.push(
      doc.finding('account_number', 'block', span, `Looks like a bank account (${preview(m[0])}).`),
    );
  }
  for (const m of text.matchAll(NUMBER_AFTER_ID_WORD)) {
    // The keyword is read in any case, so a word before the number ("es 5207…") may come along.
    const id = m[2].replace(/^\p{L}*\p{Ll}\p{L}*[ -]?/u, '').trimEnd();
    const digits = (id.match(/\d/g) ?? []).length;
    // Phones are the phone detector's (the organization's own lines pass there).
    if (digits < 7 || PHONE_SHAPE.test(id) || doc.allow.hasPhone(id) || /\p{Ll}/u.test(id))
      continue;
    if (isOrganizations(doc, m.index)) continue;
    const start = m.index + m[0].lastIndexOf(id);
    findings.push(
      doc.finding(
        'record_number',
        'block',
        { start, end: start + id.length },
        `Looks like an identifier (${m[1]} ${preview(id)}).`,
      ),
    );
  }
  for (const m of text.matchAll(MBI)) {
    const span = { start: m.index, end: m.index + m[0].length };
    findings.push(
      doc.finding(
        'health_plan_id',
        'block',
        span,
        `Looks like a Medicare beneficiary id (${preview(m[0])}).`,
      ),
    );
  }
  for (const m of text.matchAll(BARE_SSN)) {
    const span = { start: m.index, end: m.index + m[0].length };
    findings.push(
      doc.finding(
        'ssn',
        'block',
        span,
        `Looks like a Social Security number (${preview(m[0], 3)}).`,
      ),
    );
  }
  return findings;
}
