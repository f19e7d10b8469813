import { findPersonMentions, type PersonMention } from '../person-mentions';
import type { PhiFinding } from '../phi-finding';
import {
  BENEFICIARY_AFTER,
  BENEFICIARY_BEFORE,
  BIRTH_CONTEXT,
  CREDENTIAL_AFTER,
  DONOR_CONTEXT,
  EVENT_ROLE,
  NON_PATIENT_PREDICATE,
  NON_PATIENT_ROLE_AFTER,
  NON_PATIENT_ROLE_BEFORE,
  NON_PATIENT_ROLE_WORD,
  PARTNER_BEFORE,
  PATIENT_APPOSITION,
  PATIENT_WORD_BEFORE,
  PERSON_REFERENCE,
  RELATIVE_BEFORE,
  SECOND_PERSON,
  STRONG_CLINICAL,
  THANKED_FOR,
  WEAK_CLINICAL,
} from '../phi-lexicon';
import { speaksAboutCare } from './reply-guard.detector';
import type { ScanDocument } from '../scan-document';
import type { Span } from '../scan-text';

type Verdict = 'patient' | 'weak' | 'staff' | 'not' | undefined;

interface Subject extends Span {
  person?: PersonMention;
  handle?: string;
  verdict?: Verdict;
  group: Span;
}

// "Grace Oduya (ICU), Faith Kimbrough (L&D) and Joy Pennington": one list, one role.
const CONNECTOR = /^\s*(?:\([^)]{0,30}\))?\s*(?:,|,?\s*(?:and|y|e)|&|\+)\s*$/;
const ORG_HANDLE =
  /hosp|health|med|clinic|care|city|county|state|news|team|found|societ|assoc|org|official|gov|bank|school|univ|college|science|sport|club|church|dept|fire|police|council|center|inst|lab|pharm|united|america|nation|cross|ymca|texans/i;
const STAFF_HANDLE = /^@(?:dr|doc|nurse)[A-Z_]/i;
const TIGHT_PREDICATE =
  /^(?:['’]s)?\s*!?\)?\s+(?:is|was|has|had|went|got|spent|turns|turned|walked|rang|finished|celebrated|underwent|received|came|couldn['’]t|can['’]t|could|just|still|est[aá]|fue|tuvo|sali[oó]|naci[oó]|lleg[oó]|pas[oó]|cumpli[oó]|ya|sigue)(?!\p{L})/u;
const MOTHER_BEFORE = /\b(?:mom|mother|parents|mom-to-be|mam[aá]|madre|pap[aá]s)\s*$/i;
// Spoken to: "Hey @tommyk_21 — ...", "@RunMarcRun, you're an inspiration", "..., Linda!".
const GREETING = String.raw`hi|hello|hey|dear|hola|querid[oa]|estimad[oa]|[áa]nimo|fuerza|felicidades|congrats|congratulations|welcome(?: back| home)?|bienvenid[oa]`;
const GREETING_BEFORE = new RegExp(String.raw`(?:^|[^\p{L}])(?:${GREETING})[,!\s]+$`, 'iu');
const OPENING = new RegExp(String.raw`^\s*(?:(?:${GREETING})[,!\s]+)?$`, 'iu');
const ADDRESSED_AFTER = /^\s*[,!—–-]+\s*(?:you|your|usted|tu|su)\b/i;
// A testimonial's signature line: "... home two days later.' – Glenn P., 68".
const WELL_WISH =
  /\b(?:healing|recovery|get well|feel better|praying|prayers|strength|thinking of you|hang in there|stay strong|rooting for you|recuperaci[óo]n|orando|rezando|rezamos|oraci[óo]n|oraciones|bendiga|abrazos|buenos deseos|mejore|que siga as[íi]|[áa]nimo|fuerza)/i;
// Prayed for or wished well by name: "praying for Theresa", "oraciones por Don Chuy" (the sick, not
// the organizations prayed for).
const PRAYED_FOR_BEFORE =
  /\b(?:pray(?:ing|ers?)? for|sending (?:prayers|love|strength|healing \w+) (?:to|for)|get well(?: soon)?,?|rezando por|orando por|oraciones (?:por|para)|[áa]nimo,?|fuerza,?)\s*$/i;
// "we have Lily, she's eight": a pronoun taking up the name right after it.
const PRONOUN_APPOSITION =
  /^,\s*(?:she|he|they)(?:['’]s| is| was| has| had)\b|^,\s*(?:ella|[ée]l) (?:tiene|est[áa]|es|fue)\b/iu;
// "I'm Carol", "me llamo Gilberto Anaya": who speaks in a caption or story is its patient.
const SELF_INTRODUCTION = /\b(?:I['’]m|I am|my name is|me llamo|mi nombre es|soy)\s*$/i;
// A form's field label: "Name: Hector Villanueva", "Paciente: Ignacio Ruelas", "assigned to: J. Castillo".
const FIELD_LABEL_BEFORE =
  /\b(?:name|nombre|patient|pt|paciente|passenger|pasajer[oa]|assigned to|asignad[oa] a|resident|residente)\s*:\s*$/i;
// "her name is Irene Gallo", "his name's Pete", "se llama Pilar Sánchez", "a nombre de Alicia".
const NAMED_BEFORE =
  /\b(?:(?:his|her|their|my \w+['’]s) name(?:['’]s| is)|se llama|a nombre de|named|llamad[oa]|identified as|identificad[oa] como|(?:la|lo) identific[óo] como)\s*$/i;
const CELEBRATED_BEFORE =
  /\b(?:congrat\w*|felicidades|felicitaciones|welcome home|welcome back|bienvenid[oa] a casa|happy (?:\d+\w* )?birthday|feliz cumplea[ñn]os|so proud of|orgullos[oa]s de)[,!]?\s+(?:to\s+|a\s+)?$/i;
// A caption's speaker label: "NURSE: Mr. Ferreira, ..." is said by the nurse, to the patient.
const SPEAKER_LABEL = /(?:^|\n)\s*[\p{Lu}\s]{2,30}:\s*[¡¿"'“]?\s*$/u;
const SHORT_FIELD: ReadonlySet<string> = new Set(['tag', 'youtube_title']);
const ATTRIBUTION_BEFORE = /^[\s'"’”]*[—–-]\s*$/;

/** The prose around a subject, cut at the sentence and at neighbouring subjects. */
interface Surroundings {
  left: string;
  right: string;
  nearLeft: string;
  nearRight: string;
  sentence: string;
}

/** Decides, for every person and handle in the text, whether the copy makes them a patient. */
export function detectSubjects(doc: ScanDocument, handles: readonly Span[]): PhiFinding[] {
  const subjects = collectSubjects(doc, handles);
  const around = new Map(subjects.map((s) => [s, surroundings(doc, s, subjects)]));
  // "la enfermera Esperanza Ruiz ... Esperanza coordina": once named staff, staff all through.
  const staff = new Set(
    subjects
      .filter((s) => isStaff(doc, s, around.get(s)!))
      .flatMap((s) => s.person?.tokens.map((t) => t.toLowerCase()) ?? []),
  );
  for (const s of subjects) {
    const named = s.person?.tokens.some((t) => staff.has(t.toLowerCase()));
    s.verdict = named ? 'staff' : judge(doc, s, around.get(s)!);
  }
  propagate(doc, subjects);
  const findings: PhiFinding[] = [];
  for (const s of subjects) {
    if (s.verdict === 'patient') doc.patients.push(s);
    if (s.person && (s.verdict === 'staff' || s.verdict === 'not')) doc.bystanders.push(s);
    if (s.person && (s.verdict === undefined || s.verdict === 'weak')) doc.undecided.push(s);
    if (s.verdict === 'patient' || s.verdict === 'weak') {
      findings.push(toFinding(doc, s, s.verdict === 'patient' ? 'block' : 'warn'));
    }
  }
  return findings;
}

function collectSubjects(doc: ScanDocument, handles: readonly Span[]): Subject[] {
  const subjects: Subject[] = [
    ...findPersonMentions(doc.prose(), doc.lang).map((person) => ({
      ...spanOf(person),
      person,
      group: spanOf(person),
    })),
    ...handles.map((h) => ({ ...h, handle: doc.text.slice(h.start, h.end), group: { ...h } })),
  ].sort((a, b) => a.start - b.start);
  for (let i = 1; i < subjects.length; i++) {
    if (CONNECTOR.test(doc.text.slice(subjects[i - 1].end, subjects[i].start))) {
      subjects[i].group = subjects[i - 1].group;
      subjects[i].group.end = subjects[i].end;
    }
  }
  return subjects;
}

/**
 * The person a reply speaks to is the reader: named beside their care they are a patient, named
 * in a wish for their health they may be one (the reply guard flags the wording itself).
 */
function addressedInReply(doc: ScanDocument): Verdict {
  const prose = doc.prose();
  if (speaksAboutCare(prose, doc.lang)) return 'patient';
  return STRONG_CLINICAL.test(prose) || WELL_WISH.test(prose) ? 'weak' : 'not';
}

function isAddressed(doc: ScanDocument, s: Span): boolean {
  const before = doc.text.slice(Math.max(0, s.start - 12), s.start);
  const after = doc.text.slice(s.end, s.end + 12);
  // "Harper's surgery date got moved": who is talked about, not who is spoken to.
  if (/^['’]s\b/.test(after)) return false;
  if (GREETING_BEFORE.test(before) || ADDRESSED_AFTER.test(after)) return true;
  // Only a reply opens with, or ends a clause on, the person it answers ("..., Linda!").
  const opening = s.start <= 8 && OPENING.test(doc.text.slice(0, s.start));
  return doc.reply && (opening || (/,\s*$/.test(before) && /^\s*[!.?,—-]/.test(after)));
}

function surroundings(doc: ScanDocument, s: Subject, all: readonly Subject[]): Surroundings {
  const sentence = doc.sentenceAt(s.start);
  const prev = all.filter((o) => o.group !== s.group && o.end <= s.group.start).pop();
  const next = all.find((o) => o.group !== s.group && o.start >= s.group.end);
  return {
    left: doc.prose(Math.max(sentence.start, prev?.end ?? 0), s.group.start),
    right: doc.prose(s.group.end, Math.min(sentence.end, next?.start ?? Infinity)),
    nearLeft: doc.prose(Math.max(sentence.start, s.start - 40), s.start),
    nearRight: doc.prose(s.end, Math.min(sentence.end, s.end + 60)),
    sentence: doc.prose(sentence.start, sentence.end),
  };
}

function judge(doc: ScanDocument, s: Subject, w: Surroundings): Verdict {
  if (isStaff(doc, s, w)) return 'staff';
  if (doc.reply && isAddressed(doc, s)) return addressedInReply(doc);
  if (hasPatientCue(doc, s, w)) return 'patient';
  if (isNonPatient(s, w)) return 'not';
  if (ATTRIBUTION_BEFORE.test(w.left) && previousSentenceHasCare(doc, s)) return 'patient';
  // "Congrats to Azul!", "Welcome home, Bobby!" in a post about care: the story's patient.
  if (
    CELEBRATED_BEFORE.test(w.nearLeft) &&
    STRONG_CLINICAL.test(doc.prose()) &&
    !DONOR_CONTEXT.test(doc.prose())
  )
    return 'patient';
  const person = s.person;
  if (person?.ambiguous && person.single) {
    // "Grace" or "Hope" is a person once the text says what happened to them or speaks to them.
    const said =
      TIGHT_PREDICATE.test(w.nearRight) ||
      PRONOUN_APPOSITION.test(w.nearRight) ||
      isAddressed(doc, s);
    const care = STRONG_CLINICAL.test(w.nearRight) || STRONG_CLINICAL.test(doc.prose());
    return said && care && !DONOR_CONTEXT.test(doc.prose()) ? 'patient' : undefined;
  }
  // A tag or a title names who the video is about: any care in it makes them its patient.
  if (SHORT_FIELD.has(doc.field) && person && !person.guessed && !person.ambiguous) {
    const prose = doc.prose();
    // "Longest-Serving Nurse ... Ms. Opal": a title about a role names staff, not a patient.
    const staffTitle = NON_PATIENT_ROLE_WORD.test(prose) && !/\b(?:patient|paciente)/i.test(prose);
    if (!staffTitle && (STRONG_CLINICAL.test(prose) || WEAK_CLINICAL.test(prose))) return 'patient';
  }
  const window = `${w.left}X${w.right}`;
  if (STRONG_CLINICAL.test(window)) return 'patient';
  if (person?.single || person?.guessed || person?.ambiguous) return undefined;
  return WEAK_CLINICAL.test(window) || (s.handle && doc.clinicalHashtag) ? 'weak' : undefined;
}

function isStaff(doc: ScanDocument, s: Subject, w: Surroundings): boolean {
  if (s.handle) return STAFF_HANDLE.test(s.handle) || doc.allow.hasHandle(s.handle);
  const person = s.person!;
  return (
    person.titleClass === 'staff' ||
    doc.allow.isStaff(person.tokens) ||
    CREDENTIAL_AFTER.test(w.nearRight) ||
    NON_PATIENT_ROLE_AFTER.test(w.nearRight) ||
    (NON_PATIENT_ROLE_BEFORE.test(w.left.slice(-60)) && !SPEAKER_LABEL.test(w.left))
  );
}

function hasPatientCue(doc: ScanDocument, s: Subject, w: Surroundings): boolean {
  const mother =
    s.start === s.group.start && MOTHER_BEFORE.test(w.nearLeft) && BIRTH_CONTEXT.test(doc.prose());
  // "mi esposo Ramiro ... la unidad 5 Norte": a relative named where care is spoken of.
  const relative =
    RELATIVE_BEFORE.test(w.nearLeft) &&
    (STRONG_CLINICAL.test(doc.prose()) || WEAK_CLINICAL.test(doc.prose()));
  const speaker = SELF_INTRODUCTION.test(w.nearLeft) && STRONG_CLINICAL.test(doc.prose());
  return (
    relative ||
    speaker ||
    s.person?.titleClass === 'patient' ||
    PATIENT_WORD_BEFORE.test(w.nearLeft) ||
    (PRAYED_FOR_BEFORE.test(w.nearLeft) && !DONOR_CONTEXT.test(w.sentence)) ||
    FIELD_LABEL_BEFORE.test(w.nearLeft) ||
    (NAMED_BEFORE.test(w.nearLeft) &&
      (STRONG_CLINICAL.test(doc.prose()) || WEAK_CLINICAL.test(doc.prose()))) ||
    PATIENT_APPOSITION.test(w.nearRight) ||
    mother
  );
}

// A public figure's health in the news, which the post discusses and the hospital does not treat.
const PUBLIC_FIGURE =
  /\b(?:senator|congress(?:man|woman)|governor|mayor|olympi\w+|gymnast|star (?:forward|guard|quarterback|pitcher|striker|player)|as reported|in the news|headlines|announced|opened up|podcast|press conference|not involved in (?:his|her|their) care)\b/i;

/** Thanked, billed, partnered with or donated by: not a patient, even beside clinical words. */
function isNonPatient(s: Subject, w: Surroundings): boolean {
  const beneficiary = BENEFICIARY_BEFORE.test(w.nearLeft) || BENEFICIARY_AFTER.test(w.nearRight);
  return (
    NON_PATIENT_PREDICATE.test(w.right) ||
    THANKED_FOR.test(w.right) ||
    (DONOR_CONTEXT.test(w.sentence) && !beneficiary) ||
    EVENT_ROLE.test(w.left) ||
    PUBLIC_FIGURE.test(w.sentence) ||
    PARTNER_BEFORE.test(w.nearLeft) ||
    (!!s.handle && ORG_HANDLE.test(s.handle))
  );
}

function previousSentenceHasCare(doc: ScanDocument, s: Span): boolean {
  const previous = doc.sentences[doc.sentenceIndexAt(s.start) - 1];
  return !!previous && STRONG_CLINICAL.test(doc.prose(previous.start, previous.end));
}

interface PostEvidence {
  patientTokens: Set<string>;
  staffTokens: Set<string>;
  /** Care or a patient is mentioned somewhere, and nobody is giving money. */
  postHasCare: boolean;
  /** The post speaks to someone about their care, or already names a patient. */
  careAddressed: boolean;
}

/** Second pass: what the rest of the post says about subjects the first pass left open. */
function propagate(doc: ScanDocument, subjects: Subject[]): void {
  const tokensOf = (verdict: Verdict) =>
    new Set(
      subjects
        .filter((s) => s.verdict === verdict && s.person)
        .flatMap((s) => s.person!.tokens.map((t) => t.toLowerCase())),
    );
  const prose = doc.prose();
  const patientTokens = tokensOf('patient');
  const evidence: PostEvidence = {
    patientTokens,
    staffTokens: tokensOf('staff'),
    postHasCare:
      (STRONG_CLINICAL.test(prose) || /\bpatient\b/i.test(prose)) && !DONOR_CONTEXT.test(prose),
    careAddressed: !doc.reply && (speaksAboutCare(prose, doc.lang) || patientTokens.size > 0),
  };
  for (const s of subjects) {
    if (s.verdict === undefined || s.verdict === 'weak') {
      s.verdict = inferred(doc, s, subjects, evidence) ?? s.verdict;
    }
  }
}

function inferred(
  doc: ScanDocument,
  s: Subject,
  subjects: readonly Subject[],
  e: PostEvidence,
): Verdict {
  if (e.careAddressed && isAddressed(doc, s)) return 'patient';
  const person = s.person;
  if (!person) return undefined;
  const tokens = person.tokens.map((t) => t.toLowerCase());
  // A later "Henry" or "the Patel family" is the patient "Mr. Henry Liu" or "Mia Patel".
  if (tokens.some((t) => e.staffTokens.has(t))) return undefined;
  if (tokens.some((t) => e.patientTokens.has(t))) return 'patient';
  if (!person.ambiguous && !person.guessed && carriesForward(doc, s)) return 'patient';
  // "Mrs. Kowalski" in a post about care; in a reply the person answered was judged already.
  if (person.titleClass === 'courtesy' && e.postHasCare && !(doc.reply && isAddressed(doc, s)))
    return 'patient';
  // Relatives named beside a patient ("proud parents Tasha and Derrick Green").
  if (!person.single && !person.guessed && besidePatient(doc, s, subjects)) return 'weak';
  return undefined;
}

function besidePatient(doc: ScanDocument, s: Subject, subjects: readonly Subject[]): boolean {
  const i = doc.sentenceIndexAt(s.start);
  return subjects.some((o) => o.verdict === 'patient' && doc.sentenceIndexAt(o.start) === i);
}

/** "Stay strong, Ashley Moore! Everyone here is praying for you as you start radiation." */
function carriesForward(doc: ScanDocument, s: Subject): boolean {
  const next = doc.sentences[doc.sentenceIndexAt(s.start) + 1];
  if (!next || s.person!.single) return false;
  const prose = doc.prose(next.start, next.end);
  return STRONG_CLINICAL.test(prose) && (PERSON_REFERENCE.test(prose) || SECOND_PERSON.test(prose));
}

function toFinding(doc: ScanDocument, s: Subject, severity: 'block' | 'warn'): PhiFinding {
  const text = doc.text.slice(s.start, s.end);
  if (s.handle) {
    return doc.finding(
      'identifying_handle',
      severity,
      s,
      severity === 'block'
        ? `The handle ${text} is tied to someone's care, which identifies a patient.`
        : `The handle ${text} appears next to clinical context; check it does not point to a patient.`,
    );
  }
  return doc.finding(
    'patient_name',
    severity,
    s,
    severity === 'block'
      ? `Names "${text}" alongside details of their care, which identifies a patient.`
      : `Names "${text}" in a clinical setting; confirm this is not a patient or that consent is on file.`,
  );
}

const spanOf = (s: Span): Span => ({ start: s.start, end: s.end });
