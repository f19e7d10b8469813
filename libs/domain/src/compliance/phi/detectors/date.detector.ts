import type { PhiFinding } from '../phi-finding';
import { PERSON_REFERENCE, SECOND_PERSON, STRONG_CLINICAL } from '../phi-lexicon';
import type { ScanDocument } from '../scan-document';
import type { Span } from '../scan-text';

const MONTH = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)`;
const MES = String.raw`(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|sep?tiembre|octubre|noviembre|diciembre)`;
// Years from history too: "born May 12, 1820" is nobody alive.
const YEAR = String.raw`(?:1[6-9]|20)\d{2}`;
const WEEKDAY = String.raw`(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?`;
const DATES = [
  new RegExp(String.raw`${WEEKDAY}\b${MONTH}\.?\s+\d{1,2}(?:st|nd|rd|th)?\b(?:,?\s+${YEAR})?`, 'g'),
  new RegExp(String.raw`\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?${MONTH}\b\.?(?:,?\s+${YEAR})?`, 'g'),
  new RegExp(
    String.raw`${WEEKDAY}(?<![\d/.-])(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])(?:/(?:\d{4}|\d{2}))?(?![\d/])`,
    'g',
  ),
  /(?<![\d/.-])(?:0?[1-9]|1[0-2])-(?:0?[1-9]|[12]\d|3[01])-(?:19|20)\d{2}(?![\d-])/g,
  /\b(?:19|20)\d{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])\b/g,
  // "3 de febrero", "2 de mayo de 2023", "12 de agosto del año pasado".
  new RegExp(
    String.raw`\b\d{1,2}\s+de\s+${MES}(?:\s+(?:de\s+${YEAR}|del\s+(?:año\s+pasado|${YEAR})))?(?![\p{L}])`,
    'giu',
  ),
];
// Dates without a day number: a weekday, a month, the 18th, yesterday, Christmas Eve. A date of care
// only where its own sentence speaks of care.
const DAY_NAME = String.raw`Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tues?|Wed|Thurs?|Fri|Sat|Sun`;
const MONTH_NAME = String.raw`January|February|March|April|May|June|July|August|September|October|November|December`;
const RELATIVE_DATES = [
  new RegExp(
    String.raw`\b(?:(?:last|this past|next|this|on)\s+)?(?:${DAY_NAME})\b\.?(?:\s+(?:night|morning|afternoon|evening))?|\b(?:(?:in|since|back in|until|by|early|late|mid-?)\s+)(?:${MONTH_NAME})\b(?:\s+${YEAR})?|\b(?:${MONTH_NAME})\s+${YEAR}\b|\bthe\s+\d{1,2}(?:st|nd|rd|th)\b(?!\s+(?:floor|grade|annual|year|time|birthday|anniversary|round|cycle|dose|street|st|avenue|ave|week|day|month|of (?:its|the|our)))|\b(?:yesterday|last night|last week|last month|this morning|earlier today|Christmas (?:Eve|Day)|New Year['’]s (?:Eve|Day)|Thanksgiving(?: Day)?)\b`,
    'g',
  ),
  new RegExp(
    String.raw`(?<!\p{L})(?:(?:el|este|el pasado|el pr[óo]ximo)\s+)?(?:lunes|martes|mi[ée]rcoles|jueves|viernes|s[áa]bado|domingo)(?:\s+\d{1,2}(?!\d))?(?:\s+(?:en|por)\s+la\s+(?:noche|ma[ñn]ana|tarde))?(?!\p{L})|(?<!\p{L})(?:en|desde|a finales de|a principios de|a mediados de)\s+${MES}(?:\s+(?:de|del)\s+${YEAR})?(?!\p{L})|(?<!\p{L})(?:ayer|anoche|anteayer|antier|el mes pasado|la semana pasada|hoy a las \d{1,2})(?!\p{L})|(?<!\p{L})(?:Nochebuena|Navidad|A[ñn]o Nuevo)(?!\p{L})`,
    'giu',
  ),
];

// Spanish writes the day first: "14/03".
const DAY_FIRST =
  /(?<![\d/.-])(?:0?[1-9]|[12]\d|3[01])\/(?:0?[1-9]|1[0-2])(?:\/(?:\d{4}|\d{2}))?(?![\d/])/g;

const BIRTH_CUE =
  /(?:\b(?:DOB|D\.O\.B|date of birth|birth ?date|born|b\.|birthday|arrived|fecha de nacimiento|naci[oó]|nacid[oa]|F\.? ?N\.?)\b|naci[óo])[\s:.,(]*(?:(?:was|is|on|the|el|un|la)\s+){0,2}$/i;
// "Happy 75th birthday to us": the organization's own anniversary.
const ORG_BIRTHDAY =
  /\b(?:our|us|we|hospital|center|clinic)\b[^.!?]{0,20}\b(?:\d+(?:st|nd|rd|th) birthday|turn(?:s|ed|ing)? \d+)|\b\d+(?:st|nd|rd|th) birthday to us\b/i;
const NEWBORN = /\b(?:baby|born|newborn|birth|boy|girl|twins)\b/i;
const CARE_EVENT =
  /\b(?:ingres\w*|dad[oa] de alta|alta|operaron|operad[oa]|cirug\w*|trasplante|falleci\w*|muri\w*|lleg\w* a (?:urgencias|nuestr)|atendid[oa]|tratad[oa]|internad[oa]|admit(?:ted)?|admission|discharg\w*|went home|sent home|transferred|passed away|died|death|surger(?:y|ies)|operation|operated|procedure|transplant\w*|underwent|diagnos\w*|came into our|brought (?:in|to)|arrived at|visit|treated|scheduled for (?:his|her|their)|due|cardiac arrest|in our (?:ER|ED|ICU|NICU|PICU))\b/i;
// A chart's date labels: "d/c 3/14", "first dx 11/08/2023", "Disch 01/19/2025", "Próxima cita: 22/07".
const SERVICE_DATE =
  /(?:\b(?:date of service|DOS|d\/c|dx|disch(?:arged?)?|adm(?:it(?:ted)?|ission)?(?: date)?|discharge date|surgery date|procedure date|seen|follow-up|appt|appointment|cita|ingreso|egreso|alta|consulta|diagn[oó]stico|fecha de diagn[oó]stico|date of diagnosis|diagnosed(?: on)?)\b|\bDOS|dx)[\s:.,]*(?:on\s+|el\s+)?$/i;

// An observance's date is the calendar's, not a patient's: "World Kidney Day", "Día Mundial del Corazón".
const OBSERVANCE =
  /\b(?:(?:national|world|international|global)\s+[\w' -]{2,40}?\s+(?:day|week|month)|awareness (?:day|week|month))\b|(?<!\p{L})(?:d[íi]a|semana|mes)\s+(?:internacional|mundial|nacional)\b/iu;

// A date that starts a schedule or a policy, or of an event the text invites to: the calendar's.
const SCHEDULE_BEFORE =
  /(?:\b(?:starting|beginning|effective|as of)|(?<!\p{L})(?:a partir del?|vigente desde))\s+(?:on\s+|el\s+)?$/iu;
const INVITATION =
  /\b(?:join (?:us|our)|interested in (?:joining|attending)|RSVP|register|sign up|open to the public|(?:all|everyone) (?:is |are )?welcome|all families welcome|evento|[úu]nete|acomp[áa][ñn]anos|inscr[íi]bete|abierto al p[úu]blico|entrada libre|(?:todos|todas) (?:son )?bienvenid[oa]s|los esperamos)\b/i;

// HIPAA stops protecting a decedent's information 50 years after death: "On May 12, 1952, we admitted our first patient".
const PROTECTED_YEARS = 50;

// Nobody born this long ago is alive: "Dr. Charles Drew, born June 3, 1904" is history.
const LIFETIME_YEARS = 110;

function yearsAgo(date: string): number {
  const year = new RegExp(String.raw`\b${YEAR}\b`).exec(date);
  return year ? new Date().getFullYear() - Number(year[0]) : 0;
}

/** Dates of birth and of admission, discharge, treatment or death, when tied to a person. */
export function detectDates(doc: ScanDocument): PhiFinding[] {
  const findings: PhiFinding[] = [];
  const seen: Span[] = [];
  for (const pattern of doc.lang === 'es' ? [...DATES, DAY_FIRST] : DATES) {
    for (const m of doc.text.matchAll(pattern)) {
      const span = { start: m.index, end: m.index + m[0].trimEnd().length };
      if (seen.some((s) => s.start < span.end && span.start < s.end)) continue;
      seen.push(span);
      const finding = judge(doc, span);
      if (finding) findings.push(finding);
    }
  }
  for (const pattern of RELATIVE_DATES) {
    for (const m of doc.text.matchAll(pattern)) {
      const span = { start: m.index, end: m.index + m[0].trimEnd().length };
      if (seen.some((s) => s.start < span.end && span.start < s.end)) continue;
      seen.push(span);
      const finding = judgeRelative(doc, span);
      if (finding) findings.push(finding);
    }
  }
  return findings;
}

/** "he was admitted Tuesday", "la internaron el domingo": a day of care in a sentence about care. */
function judgeRelative(doc: ScanDocument, span: Span): PhiFinding | undefined {
  const { before, sentence } = doc.around(span, 40);
  if (SERVICE_DATE.test(before)) return admission(doc, span, doc.text.slice(span.start, span.end));
  if (SCHEDULE_BEFORE.test(before) || OBSERVANCE.test(sentence)) return undefined;
  if (INVITATION.test(doc.prose()) && !doc.patientInSentence(span)) return undefined;
  const care = CARE_EVENT.test(sentence) || STRONG_CLINICAL.test(sentence);
  const person =
    doc.patientInSentence(span) ||
    PERSON_REFERENCE.test(sentence) ||
    (doc.reply && SECOND_PERSON.test(sentence));
  return care && person ? admission(doc, span, doc.text.slice(span.start, span.end)) : undefined;
}

function judge(doc: ScanDocument, span: Span): PhiFinding | undefined {
  const { before, sentence } = doc.around(span, 40);
  const date = doc.text.slice(span.start, span.end);
  const birth =
    BIRTH_CUE.test(before) && !ORG_BIRTHDAY.test(before) && yearsAgo(date) <= LIFETIME_YEARS;
  // "la Dra. Helen Rodríguez Trías, nacida el 7 de julio de 1929": a staff member's or a public figure's.
  const bystanders = doc.onlyBystandersInSentence(span);
  if (birth && !bystanders && (!/arrived\W*$/i.test(before) || NEWBORN.test(sentence))) {
    return doc.finding(
      'date_of_birth',
      'block',
      span,
      `A date of birth (${date}) tied to a person.`,
    );
  }
  // Once the text names a patient, its dates are theirs: "Mason's implant was activated on April 2".
  // A pronoun alone ("She started Monday") ties a date to care only where the sentence speaks of it.
  const pronoun = PERSON_REFERENCE.test(sentence) || (doc.reply && SECOND_PERSON.test(sentence));
  if (yearsAgo(date) > PROTECTED_YEARS) return undefined;
  const care =
    (CARE_EVENT.test(sentence) || STRONG_CLINICAL.test(sentence)) && !OBSERVANCE.test(sentence);
  const patientsDate = doc.patients.length > 0 && STRONG_CLINICAL.test(doc.prose());
  if (SERVICE_DATE.test(before)) return admission(doc, span, date);
  const calendar =
    SCHEDULE_BEFORE.test(before) || (INVITATION.test(doc.prose()) && !doc.patientInSentence(span));
  if (!calendar && (patientsDate || (care && pronoun))) {
    return admission(doc, span, date);
  }
  return undefined;
}

const admission = (doc: ScanDocument, span: Span, date: string) =>
  doc.finding(
    'admission_date',
    'block',
    span,
    `A date of admission, treatment or discharge (${date}) tied to a patient.`,
  );
