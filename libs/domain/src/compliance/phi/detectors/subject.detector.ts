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
  NON_PATIENT_ROLE_BEFORE,
  PARTNER_BEFORE,
  PATIENT_APPOSITION,
  PATIENT_WORD_BEFORE,
  PERSON_REFERENCE,
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

const CONNECTOR = /^\s*(?:,|,?\s*and|&|\+)\s*$/;
const ORG_HANDLE =
  /hosp|health|med|clinic|care|city|county|state|news|team|found|societ|assoc|org|official|gov|bank|school|univ|college|science|sport|club|church|dept|fire|police|council|center|inst|lab|pharm|united|america|nation|cross|ymca|texans/i;
const STAFF_HANDLE = /^@(?:dr|doc|nurse)[A-Z_]/i;
const TIGHT_PREDICATE =
  /^(?:['’]s)?\s*!?\)?\s+(?:is|was|has|had|went|got|spent|turns|turned|walked|rang|finished|celebrated|underwent|received|came)\b/;
const MOTHER_BEFORE = /\b(?:mom|mother|parents|mom-to-be)\s*$/i;
const ADDRESSEE_BEFORE = /(?:^\s*(?:(?:hi|hello|hey|dear)\s+)?|\b(?:hi|hello|hey|dear)\s+|,\s*)$/i;
// Spoken to directly: "Hey @tommyk_21 — ...", "@RunMarcRun, you're an inspiration".
const GREETED_BEFORE = /\b(?:hey|hi|hello|dear)\s+$/i;
const ADDRESSED_AFTER = /^\s*[,!—–-]+\s*(?:you|your)\b/i;
// A testimonial's signature line: "... home two days later.' – Glenn P., 68".
const ATTRIBUTION_BEFORE = /^[\s'"’”]*[—–-]\s*$/;

/** Decides, for every person and handle in the text, whether the copy makes them a patient. */
export function detectSubjects(doc: ScanDocument, handles: readonly Span[]): PhiFinding[] {
  const subjects = collectSubjects(doc, handles);
  for (const s of subjects) s.verdict = judge(doc, s, subjects);
  propagate(doc, subjects);
  const findings: PhiFinding[] = [];
  for (const s of subjects) {
    if (s.verdict !== 'patient' && s.verdict !== 'weak') continue;
    if (s.verdict === 'patient') doc.patients.push(s);
    findings.push(toFinding(doc, s, s.verdict === 'patient' ? 'block' : 'warn'));
  }
  return findings;
}

function collectSubjects(doc: ScanDocument, handles: readonly Span[]): Subject[] {
  const subjects: Subject[] = [
    ...findPersonMentions(doc.prose()).map((person) => ({
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
  if (doc.reply) return subjects.filter((s) => !isAddressee(doc, s));
  return subjects;
}

function isAddressee(doc: ScanDocument, s: Subject): boolean {
  const before = doc.text.slice(Math.max(0, s.start - 12), s.start);
  const after = doc.text.slice(s.end, s.end + 3);
  if (s.start <= 8 && ADDRESSEE_BEFORE.test(doc.text.slice(0, s.start))) return true;
  return (
    /\b(?:hi|hello|hey|dear)\s+$/i.test(before) ||
    (/,\s*$/.test(before) && /^\s*[!.?,—-]/.test(after))
  );
}

function judge(doc: ScanDocument, s: Subject, all: Subject[]): Verdict {
  const sentence = doc.sentenceAt(s.start);
  const prev = all.filter((o) => o.group !== s.group && o.end <= s.group.start).pop();
  const next = all.find((o) => o.group !== s.group && o.start >= s.group.end);
  const left = doc.prose(Math.max(sentence.start, prev?.end ?? 0), s.group.start);
  const right = doc.prose(s.group.end, Math.min(sentence.end, next?.start ?? Infinity));
  const nearLeft = doc.prose(Math.max(sentence.start, s.start - 40), s.start);
  const nearRight = doc.prose(s.end, Math.min(sentence.end, s.end + 60));
  const window = `${left}X${right}`;
  const person = s.person;
  if (isStaff(doc, s, left, nearRight)) return 'staff';
  const isFirstOfGroup = s.start === s.group.start;
  if (
    person?.titleClass === 'patient' ||
    PATIENT_WORD_BEFORE.test(nearLeft) ||
    PATIENT_APPOSITION.test(nearRight) ||
    (isFirstOfGroup && MOTHER_BEFORE.test(nearLeft) && BIRTH_CONTEXT.test(doc.prose()))
  ) {
    return 'patient';
  }
  const sentenceProse = doc.prose(sentence.start, sentence.end);
  const beneficiary = BENEFICIARY_BEFORE.test(nearLeft) || BENEFICIARY_AFTER.test(nearRight);
  if (NON_PATIENT_PREDICATE.test(right) || THANKED_FOR.test(right)) return 'not';
  if (DONOR_CONTEXT.test(sentenceProse) && !beneficiary) return 'not';
  if (EVENT_ROLE.test(left) || PARTNER_BEFORE.test(nearLeft)) return 'not';
  if (s.handle && ORG_HANDLE.test(s.handle)) return 'not';
  if (ATTRIBUTION_BEFORE.test(left) && previousSentenceHasCare(doc, s)) return 'patient';
  const single = !!person?.single;
  if (person?.ambiguous && single) {
    return TIGHT_PREDICATE.test(nearRight) && STRONG_CLINICAL.test(nearRight)
      ? 'patient'
      : undefined;
  }
  if (STRONG_CLINICAL.test(window)) return 'patient';
  if (single || person?.guessed || person?.ambiguous) return undefined;
  return WEAK_CLINICAL.test(window) || (s.handle && doc.clinicalHashtag) ? 'weak' : undefined;
}

function previousSentenceHasCare(doc: ScanDocument, s: Span): boolean {
  const previous = doc.sentences[doc.sentenceIndexAt(s.start) - 1];
  return !!previous && STRONG_CLINICAL.test(doc.prose(previous.start, previous.end));
}

function isStaff(doc: ScanDocument, s: Subject, left: string, nearRight: string): boolean {
  if (s.handle) return STAFF_HANDLE.test(s.handle) || doc.allow.hasHandle(s.handle);
  const person = s.person!;
  return (
    person.titleClass === 'staff' ||
    doc.allow.isStaff(person.tokens) ||
    CREDENTIAL_AFTER.test(nearRight) ||
    NON_PATIENT_ROLE_BEFORE.test(left.slice(-60))
  );
}

/** A later "Henry" or "the Patel family" is the same patient as "Mr. Henry Liu" or "Mia Patel". */
function propagate(doc: ScanDocument, subjects: Subject[]): void {
  const tokensOf = (verdict: Verdict) =>
    new Set(
      subjects
        .filter((s) => s.verdict === verdict && s.person)
        .flatMap((s) => s.person!.tokens.map((t) => t.toLowerCase())),
    );
  const patientTokens = tokensOf('patient');
  const staffTokens = tokensOf('staff');
  const postHasCare =
    (STRONG_CLINICAL.test(doc.prose()) || /\bpatient\b/i.test(doc.prose())) &&
    !DONOR_CONTEXT.test(doc.prose());
  const careAddressed = !doc.reply && (speaksAboutCare(doc.prose()) || patientTokens.size > 0);
  for (const s of subjects) {
    if (s.verdict === 'patient' || s.verdict === 'staff' || s.verdict === 'not') continue;
    if (careAddressed && isAddressed(doc, s)) {
      s.verdict = 'patient';
      continue;
    }
    if (!s.person) continue;
    const tokens = s.person.tokens.map((t) => t.toLowerCase());
    if (tokens.some((t) => staffTokens.has(t))) continue;
    if (tokens.some((t) => patientTokens.has(t))) s.verdict = 'patient';
    else if (!s.person.ambiguous && !s.person.guessed && carriesForward(doc, s))
      s.verdict = 'patient';
    else if (s.person.titleClass === 'courtesy' && postHasCare) s.verdict = 'patient';
    else if (isFullName(s.person) && besidePatient(subjects, s, doc)) s.verdict = 'weak';
  }
}

const isFullName = (p: PersonMention) => !p.single && !p.guessed;

/** A post that talks to this person about their care ("Hey @tommyk_21 ... since your fall"). */
function isAddressed(doc: ScanDocument, s: Subject): boolean {
  const before = doc.text.slice(Math.max(0, s.start - 8), s.start);
  return GREETED_BEFORE.test(before) || ADDRESSED_AFTER.test(doc.text.slice(s.end, s.end + 12));
}

/** Relatives named in the same sentence as a patient ("proud parents Tasha and Derrick Green"). */
function besidePatient(subjects: Subject[], s: Subject, doc: ScanDocument): boolean {
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
