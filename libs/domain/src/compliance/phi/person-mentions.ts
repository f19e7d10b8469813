import {
  givenName,
  isProperNoun,
  isSurname,
  isUnknownWord,
  recognisedPeople,
} from './name-lexicon';
import { STRONG_CLINICAL } from './phi-lexicon';
import type { Span } from './scan-text';

export type TitleClass = 'patient' | 'courtesy' | 'staff' | 'public';

export interface PersonMention extends Span {
  /** Name tokens without titles, e.g. ["Henry", "Liu"]. */
  tokens: string[];
  titleClass?: TitleClass;
  /** "the Hernandez family": a surname standing for a household. */
  family: boolean;
  /** Starts with a first name that is also an everyday word ("Grace", "Summer"). */
  ambiguous: boolean;
  /** Two capitalized words outside the gazetteer: a name only with strong clinical evidence. */
  guessed: boolean;
  /** One first name and nothing else ("Emma"), which needs tighter evidence than a full name. */
  single: boolean;
}

const TITLES: Record<string, TitleClass> = {};
const addTitles = (cls: TitleClass, words: string) =>
  words.split(' ').forEach((w) => (TITLES[w] = cls));
addTitles(
  'patient',
  'baby little grandpa grandma granny nana mom-to-be pt patient paciente pequeña pequeño bebé abuelito abuelita',
);
addTitles('courtesy', 'mr mrs ms miss mx mister señora señor sra sr srta don doña');
addTitles(
  'staff',
  'dr dra doctor doctora nurse enfermera enfermero prof professor profesora lic licenciada licenciado ing mtro mtra enf',
);
addTitles(
  'public',
  'mayor senator sen governor gov rep representative principal chief deputy officer sgt sergeant ' +
    'captain capt col ret lt lieutenant coach pastor rev reverend father sister rabbi imam judge ' +
    'sheriff trooper detective commissioner councilman councilwoman president',
);

// Capitalized words that are never part of a person's name in hospital copy.
const NOT_A_NAME = new Set(
  `The A An Our We I He She They This That These Those His Her Their Your My It You Its And Or But
  For With From To At In On Of By As If So Not No Yes All Every Each Today Tonight Tomorrow Happy
  Thank Thanks Welcome Meet Join Congrats Congratulations Please Dear Hi Hello Hey Great Big New
  Special Proud Visit Call Text Email Learn Read Watch Listen Register Book Ask Schedule Save
  January February March April May June July August September October November December Jan Feb
  Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday Friday Saturday Sunday
  Hospital Center Centre Clinic Clinics Health Healthcare Medical Medicine Institute University
  College School Elementary High Church Baptist Methodist Catholic Lutheran Foundation Fund Team
  Unit Program Department Dept Services Service Day Days Week Month Year Award Awards Society
  Association Club Fire Police Magazine Field Garden Gardens Inn Hotel Ballroom Pavilion Tower Wing
  League Games Olympics Heart Cancer Stroke Care Surgery Pediatrics Oncology Cardiology Street
  Avenue Ave Road Rd Park Lane Ln Drive Blvd Boulevard Way Court Ct Pkwy Hwy Pl County City State
  Capitol Hall Room Suite Building Campus Lab Laboratory Pharmacy Imaging Rehab Hospice Memorial
  Regional General Community Valley Ridge Summit Mercy Saint Festival Gala Walk Run Race Marathon
  Trust Bank Insurance Plan Medicare Medicaid Nursing Officer Executive Operating Financial Chief
  Prize Network System Partners Group Alliance Council Board Office Station Airport Mall Library
  Museum Theater Arena Stadium Birthing Family Families Home Homes House Village Place Square Plaza
  Point Tour Story Journey Spotlight Diaries Update Note Alert Reminder Episode Chapters Introduction
  God Lord Jesus Christmas Easter Thanksgiving Halloween Eve Valentine Doctors
  Crisis Lifeline Hotline Helpline Guild Auxiliary Coalition Committee Chapter Awareness
  El La Los Las Un Una Uno Nuestro Nuestra Nuestros Su Sus Mi Mis Este Esta Estos Estas Hoy Mañana
  Gracias Felicidades Feliz Bienvenido Bienvenida Hola Así Para Por Con Sin Del Al Que Qué Cuando
  Centro Hospital Clínica Fundación Feria Salón Sala Día Semana Mes Año Unidad Departamento Equipo
  Programa Instituto Sanatorio Universidad Escuela Colegio Iglesia Parroquia Asociación Servicio Servicios Salud Comunitaria Comunitario Calle Avenida Enero Febrero Marzo Abril
  Mayo Junio Julio Agosto Septiembre Octubre Noviembre Diciembre Lunes Martes Miércoles Jueves Viernes
  Sábado Domingo En Y O A De Cómo Como Dónde Qué Quién Conozca Acude Aprende Ven Vengan Mira`
    .split(/\s+/)
    .filter(Boolean),
);
const PLACE_WORDS_AFTER =
  /^\s+(?:Hospital|Center|Centre|Clinic|Health|Medical|Institute|University|College|School|Elementary|High|Church|Foundation|Fund|Family Foundation|Street|St|Avenue|Ave|Road|Rd|Blvd|Boulevard|Ln|Drive|Park|Hall|Library|Pavilion|Tower|Wing|Memorial|House|Gardens?|Lounge|Chapel|Room|Suite|Building|Scholarship|Lecture|Endowment|Fellowship|Fire|Police|County|Fest|Festival|Golf|Club|Award|Birthing|Cancer|Heart|Children's|Women's)\b/;
// "Lou Gehrig's disease", "Down syndrome", "Crisis Lifeline": a name that is not a person's.
const EPONYM_AFTER =
  /^(?:['’]s)?\s+(?:disease|syndrome|palsy|sarcoma|lymphoma|law|Lifeline|Line|Hotline)\b/i;
// A relative, a patient word or an age right before a name.
const KIN_BEFORE =
  /(?:\b(?:son|daughter|sister|brother|mom|dad|mother|father|wife|husband|grandson|granddaughter|grandma|grandpa|grandmother|grandfather|nephew|niece|baby|twins?|grad|preemie|warrior|survivor|uncle|aunt|cousin|stepson|stepdaughter|fiancée?|partner|in-law|hijo|hija|hermano|hermana|esposo|esposa|nieto|nieta|sobrino|sobrina|abuelo|abuela|guerrer[oa]|pap[aá]s|padres|mam[aá]|pap[aá]|beb[eé]|pequeñ[oa]|peque|niñ[oa]|madre|padre|suegr[oa]|cuñad[oa]|prim[oa]|t[íi][oa]|novi[oa]|yerno|nuera|ahijad[oa]|padrino|madrina|marido|toddler|kid|child|boy|girl|roommate|neighbor|friend)|(?:familia|casa) de|\d+-(?:year|month|week|day)-old)(?:,\s*|\s*\(\s*|\s+)$/u;
// What follows a person opening a sentence: "Jaxon was 3", "Jaxon, you are", "Alba sigue".
const SUBJECT_AFTER =
  /^(?:,\s+(?:you|tu|t[úu])\b|\s+(?:was|is|has|had|got|spent|went|turned|turns|rang|needs|celebrated|underwent|est[áa]|estuvo|sigue|tiene|tuvo|naci[óo]|fue)\b)/iu;
const PERSONAL_PRONOUN = /\b(?:he|she|his|her|him)\b|(?<!\p{L})(?:él|ella)(?!\p{L})/iu;
// "Jamie, 16,", "Thiago, de 4 años,", "Harper (age 7)".
const AGE_AFTER =
  /^(?:,\s*(?:de\s+)?\d{1,3}(?:\s+años)?\s*,|\s+\((?:age|edad)?\s*\d{1,3}(?:\s+años)?\))/u;
const PLACE_BEFORE_ES =
  /(?<!\p{L})(?:en|de|del|desde|hacia|hasta|por|calle|avenida|av\.|colonia|los|las|el|la)\s+$/iu;
const PLACE_BEFORE = /\b(?:in|at|from|of|near)\s+$/;
const PLACE_PREPOSITION_ES = /(?<!\p{L})(?:en|desde|hacia|hasta)\s+$/u;
const placeBefore = (before: string) =>
  PLACE_BEFORE.test(before) || PLACE_PREPOSITION_ES.test(before);
const SAINT_BEFORE =
  /(?:\b(?:St|Mt)\.|\b(?:Saint|Mount|Lake|Fort|Port|San|Santa|Santo|Villa|Puerto))\s+$/;

// What follows an unknown "Marisa Fong": an age, a relative clause, or a chart reference.
const GUESSED_NAME_AFTER =
  /^(?:,\s*\d{1,3},|,\s*who\b|\s+(?:is|was|has|had)\s|,?\s*\(?(?:MRN|DOB|D\.O\.B|acct|chart|SSN)\b)/;
const WORD = /[\p{L}][\p{L}\p{M}'’-]*/gu;
const NAME_SHAPE =
  /^(?:\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}+)?|\p{Lu}['’]\p{Lu}\p{Ll}+|Mc\p{Lu}\p{Ll}+)(?:-\p{Lu}\p{Ll}+)?$/u;
const POSSESSIVE = /['’]s$/;

interface Token extends Span {
  word: string;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    let word = m[0].replace(/['’-]+$/, '');
    if (POSSESSIVE.test(word)) word = word.slice(0, -2);
    tokens.push({ word, start: m.index, end: m.index + word.length });
  }
  return tokens;
}

// "patient Carlos Mendez" and "Patient Zach Morrow" are people; "Patient Relations" is a department.
const titleOf = (word: string, next: string): TitleClass | undefined =>
  /^(?:Patient|Paciente)$/.test(word) && !givenName(next) ? undefined : TITLES[word.toLowerCase()];
// Nouns of trades and things, not names: "Neonatologist", "Celebration", "Wellness".
const COMMON_NOUN_SUFFIX = /(?:ists?|tion|sion|ness|ción|sión|idad|ería)$/u;
const isNameWord = (word: string) =>
  NAME_SHAPE.test(word) && !NOT_A_NAME.has(word) && !COMMON_NOUN_SUFFIX.test(word);

/** Finds people named in the text: titled names, the lexicon's first names, households. */
export function findPersonMentions(text: string, lang: 'en' | 'es' = 'en'): PersonMention[] {
  const mentions = new MentionReader(text, lang).read();
  const known = (s: Span) => mentions.some((m) => m.start < s.end && s.start < m.end);
  // The library's full parse costs milliseconds: run it only where a name could make a patient
  // (clinical words in the text), on pieces with an unread name shape.
  const pieces = STRONG_CLINICAL.test(text) ? candidatePieces(text, known) : [];
  const extra = pieces.flatMap((piece) =>
    recognisedPeople(text.slice(piece.start, piece.end))
      .map((s) => ({ start: piece.start + s.start, end: piece.start + s.end }))
      .filter((s) => !known(s))
      .flatMap((s) => fromLibrary(text, s)),
  );
  return [...mentions, ...extra, ...chartNames(text, known)]
    .filter((m, i, all) => all.findIndex((o) => o.start === m.start) === i)
    .filter((m) => !EPONYM_AFTER.test(text.slice(m.end, m.end + 24)))
    .filter((m) => !namesAnInstitution(text, m, lang))
    .sort((a, b) => a.start - b.start);
}

// "Hospital Santa Lucía", "Fundación La Esperanza", "Calle Luna": a name that an institution, a street
// word or (in Spanish) an article puts before a person's is the institution's.
const INSTITUTION_BEFORE =
  /(?:\b(?:Hospital|Clinic|Center|Centre|Foundation|Institute|Medical|Health|Church|School|University|Fund)|(?<!\p{L})(?:Cl[íi]nica|Centro|Fundaci[óo]n|Instituto|Sanatorio|Iglesia|Parroquia|Escuela|Colegio|Universidad|Calle|Avenida|Camino|Paseo|Colonia|Col\.))\s+$/u;
const ARTICLE_BEFORE = /(?<!\p{L})(?:la|el|los|las)\s+$/iu;
function namesAnInstitution(text: string, m: PersonMention, lang: 'en' | 'es'): boolean {
  const before = text.slice(Math.max(0, m.start - 16), m.start);
  if (INSTITUTION_BEFORE.test(before)) return true;
  return lang === 'es' && !m.titleClass && !m.family && ARTICLE_BEFORE.test(before);
}

// "HALL, JOSEPH", "GARCÍA PÉREZ, ANTONIO", "GOMEZ, BABY GIRL": how wristbands, boards and screens
// print a patient's name.
const CHART_NAME =
  /(?<![\p{L}])(\p{Lu}{2,}(?:[ -]\p{Lu}{2,})?),[ \t]*(\p{Lu}{2,}(?:[ \t]+\p{Lu}{2,})?)(?:[ \t]+\p{Lu}\b\.?)?(?![\p{L}])/gu;
const titleCase = (w: string) => w.charAt(0) + w.slice(1).toLowerCase();
const nameLike = (w: string) =>
  isUnknownWord(titleCase(w)) || isSurname(titleCase(w)) || !!givenName(titleCase(w));

function chartNames(text: string, known: (s: Span) => boolean): PersonMention[] {
  const found: PersonMention[] = [];
  for (const m of text.matchAll(CHART_NAME)) {
    const words = `${m[1]} ${m[2]}`.split(/[\s-]+/);
    const span = { start: m.index, end: m.index + m[0].length };
    // Not acronyms and credentials ("CPR, AED", "RN, BSN"): words with vowels, one of four letters.
    const spelled = words.every((w) => /[AEIOUÁÉÍÓÚ]/.test(w)) && words.some((w) => w.length >= 4);
    if (
      known(span) ||
      !spelled ||
      !words.every((w) => /^(?:BABY|BOY|GIRL)$/.test(w) || nameLike(w))
    )
      continue;
    const tokens = words.map(titleCase);
    found.push({
      ...span,
      tokens,
      titleClass: 'patient',
      family: false,
      ambiguous: false,
      guessed: false,
      single: false,
    });
  }
  return found;
}

const NAME_PAIR = /(?<![\p{L}.!?]\s?|^)\s*\b\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+/gu;
const PIECE_END = /[.!?\n]/;

/** Clauses (about 80 characters either side) around two capitalized words nothing has read. */
function candidatePieces(text: string, known: (s: Span) => boolean): Span[] {
  const pieces: Span[] = [];
  for (const m of text.matchAll(NAME_PAIR)) {
    const span = { start: m.index, end: m.index + m[0].length };
    if (known(span) || pieces.some((p) => p.end >= span.end)) continue;
    let start = Math.max(0, span.start - 80);
    let end = Math.min(text.length, span.end + 80);
    const stop = text.slice(start, span.start).search(/[.!?\n][^.!?\n]*$/);
    if (stop >= 0) start += stop + 1;
    const next = text.slice(span.end, end).search(PIECE_END);
    if (next >= 0) end = span.end + next + 1;
    pieces.push({ start, end });
  }
  return pieces;
}

/** A person compromise recognised that the reader did not: its title, then its name words. */
function fromLibrary(text: string, span: Span): PersonMention[] {
  const words = tokenize(text.slice(span.start, span.end));
  const titleClass = words.length > 1 ? TITLES[words[0].word.toLowerCase()] : undefined;
  const nameWords = titleClass ? words.slice(1) : words;
  const name = nameWords.map((t) => t.word);
  if (name.length === 0 || !name.every((w) => isNameWord(w) || /^\p{Lu}$/u.test(w))) return [];
  // "Med-Surg" is a unit: a piece of a hyphenated word is not a name.
  if (/[\p{L}-]$/u.test(text.slice(0, span.start))) return [];
  // "Mason, OH" is a town, and so is what follows "in" or "en".
  if (/^,\s*\p{Lu}{2}\b/u.test(text.slice(span.end, span.end + 5))) return [];
  if (!titleClass && placeBefore(text.slice(Math.max(0, span.start - 8), span.start))) return [];
  // The finding is the name; a "Patient" or "Dr." before it is its context.
  const start = titleClass === 'patient' ? span.start + nameWords[0].start : span.start;
  return [
    {
      start,
      end: span.end,
      tokens: name.filter((w) => w.length > 1),
      titleClass,
      family: false,
      ambiguous: false,
      guessed: name.length > 1 && !titleClass,
      single: name.length === 1 && !titleClass,
    },
  ];
}

type Read = [PersonMention, number];

class MentionReader {
  private readonly tokens: Token[];
  private readonly mentions: PersonMention[] = [];

  /** "Mitos y Verdades de la Vacuna": in a headline every word is capitalized, names or not. */
  private readonly headline: boolean;

  constructor(
    private readonly text: string,
    private readonly lang: 'en' | 'es',
  ) {
    this.tokens = tokenize(text);
    const long = this.tokens.filter((t) => t.word.length >= 4);
    const capitalized = long.filter((t) => /^\p{Lu}/u.test(t.word)).length;
    this.headline = long.length >= 3 && capitalized / long.length > 0.6;
  }

  read(): PersonMention[] {
    for (let i = 0; i < this.tokens.length; i++) {
      const read =
        this.readTitled(i) ?? this.readHousehold(i) ?? this.readGiven(i) ?? this.readKin(i);
      const [mention, last] =
        read ??
        this.readCoordinated(i) ??
        this.readGuessed(i) ??
        this.readInitialled(i) ??
        this.readUnknown(i) ??
        this.readRecurring(i) ??
        this.readSpanishProperNoun(i) ??
        [];
      if (!mention) continue;
      const after = this.text.slice(mention.end, mention.end + 24);
      if (!PLACE_WORDS_AFTER.test(after)) {
        this.mentions.push(mention);
      }
      i = last!;
    }
    return this.mentions;
  }

  // "Mrs. Kowalski", "Deputy Chief Ray Alvarado", "Baby boy Nolan", "Col. (Ret.) Diane Ward".
  private readTitled(i: number): Read | undefined {
    let j = i;
    let titleClass: TitleClass | undefined;
    for (let title = this.titleAt(j); title; title = this.titleAt(j)) {
      titleClass = strongerTitle(titleClass, title);
      j++;
      if (/^baby$/i.test(this.tokens[j - 1].word) && /^(?:boy|girl)$/.test(this.tokens[j].word))
        j++;
    }
    const first = this.tokens[j];
    if (!titleClass || !first || !isNameWord(first.word)) return undefined;
    const last = this.nameRun(j);
    return [this.mention(i, j, last, { titleClass }), last];
  }

  private titleAt(j: number): TitleClass | undefined {
    const [t, next] = [this.tokens[j], this.tokens[j + 1]];
    const gap = t && next ? this.gap(t, next) : '';
    if (!t || !next || !/^[.)]*\s+\(?$/.test(gap)) return undefined;
    // "Dr. Ruiz", but not "...por paciente. En Terapia Intensiva".
    if (gap.includes('.') && t.word.length > 4) return undefined;
    return titleOf(t.word, next.word);
  }

  // "the Hernandez family", "the Johnson baby".
  private readHousehold(i: number): Read | undefined {
    const [t, next] = [this.tokens[i], this.tokens[i + 1]];
    if (!next || this.gap(t, next) !== ' ') return undefined;
    // "la familia García" (but not "Familia Unida", a programme's name).
    if (/^familia$/i.test(t.word) && isNameWord(next.word) && this.nameRun(i + 1) === i + 1) {
      return [this.mention(i, i + 1, i + 1, { family: true, words: [next.word] }), i + 1];
    }
    if (!isNameWord(t.word)) return undefined;
    const after = this.text.slice(next.end, next.end + 3);
    if (/^family$/i.test(next.word) && !/^\s+\p{Lu}/u.test(after)) {
      return [this.mention(i, i, i + 1, { family: true, words: [t.word] }), i + 1];
    }
    if (next.word === 'baby' && !givenName(t.word)) {
      const extra = { family: true, words: [t.word], titleClass: 'patient' as const };
      return [this.mention(i, i, i + 1, extra), i + 1];
    }
    return undefined;
  }

  // A first name of the library's lexicon, with whatever surname follows it.
  private readGiven(i: number): Read | undefined {
    const first = this.tokens[i];
    const given = isNameWord(first.word) ? givenName(first.word, this.lang) : undefined;
    if (!given) return undefined;
    const last = this.nameRun(i);
    if (last === i && this.isPlaceOrDate(first)) return undefined;
    if (SAINT_BEFORE.test(this.text.slice(Math.max(0, first.start - 8), first.start)))
      return undefined;
    if (this.placeNameBefore(i)) return undefined;
    // "Mom Destiny Howard": a first name outside the lexicon before a known one, mid-sentence.
    const from = this.unknownFirstNameBefore(i) ? i - 1 : i;
    // "mi suegra Dolores", "Rocío, de 34 años": a relative's or an age's name is a person's.
    const personal =
      KIN_BEFORE.test(this.text.slice(Math.max(0, first.start - 24), first.start)) ||
      AGE_AFTER.test(this.text.slice(first.end, first.end + 16));
    const ambiguous = given === 'ambiguous' && last === i && from === i && !personal;
    return [this.mention(from, from, last, { ambiguous }), last];
  }

  // "en Nuevo León", "in West Leon": the tail of a place named after a preposition of place.
  private placeNameBefore(i: number): boolean {
    const [prev, t] = [this.tokens[i - 1], this.tokens[i]];
    if (!prev || this.gap(prev, t) !== ' ' || !isNameWord(prev.word)) return false;
    return placeBefore(this.text.slice(Math.max(0, prev.start - 8), prev.start));
  }

  private unknownFirstNameBefore(i: number): boolean {
    const [before, prev, t] = [this.tokens[i - 2], this.tokens[i - 1], this.tokens[i]];
    if (!before || !prev || this.gap(prev, t) !== ' ' || !isNameWord(prev.word)) return false;
    const previous = this.mentions[this.mentions.length - 1];
    return !/[.!?:]/.test(this.gap(before, prev)) && (!previous || previous.end < prev.start);
  }

  // "in Marion", "St. Luke's", "June 5", "Mason, OH" — but not "in Ava's name".
  private isPlaceOrDate(t: Token): boolean {
    const before = this.text.slice(Math.max(0, t.start - 8), t.start);
    const after = this.text.slice(t.end, t.end + 5);
    if (/^\s*\d/.test(after) || /^,\s*\p{Lu}{2}\b/u.test(after)) return true;
    return SAINT_BEFORE.test(before) || (placeBefore(before) && !/^['’]s\b/.test(after));
  }

  // "Jorge and Lupe Ramirez": an unknown first name coordinated with a known one, then a surname.
  private readCoordinated(i: number): Read | undefined {
    const prev = this.mentions[this.mentions.length - 1];
    if (!prev || !this.isNamePair(i)) return undefined;
    if (!/^\s*(?:and|&)\s*$/.test(this.text.slice(prev.end, this.tokens[i].start)))
      return undefined;
    const last = this.nameRun(i);
    return [this.mention(i, i, last, {}), last];
  }

  // Two capitalized words outside the lexicon's first names: a known surname second, or an age or
  // a relative clause after them.
  private readGuessed(i: number): Read | undefined {
    if (this.headline || !this.isNamePair(i)) return undefined;
    const after = this.text.slice(this.tokens[i + 1].end, this.tokens[i + 1].end + 12);
    if (!GUESSED_NAME_AFTER.test(after) && !isSurname(this.tokens[i + 1].word)) return undefined;
    // "in Nuevo León", "from Grand Rapids": two unknown words after a preposition of place.
    const before = this.text.slice(Math.max(0, this.tokens[i].start - 8), this.tokens[i].start);
    if (placeBefore(before)) return undefined;
    return [this.mention(i, i, i + 1, { guessed: true }), i + 1];
  }

  // "Jaylen's Second Chance", "you know who you are, Jaxon!": a word no lexicon knows, in the
  // place of a name (possessive, or set off by commas and exclamations).
  private readUnknown(i: number): Read | undefined {
    const t = this.tokens[i];
    if (!isNameWord(t.word) || !(isUnknownWord(t.word) || isProperNoun(t.word))) return undefined;
    // "Mason, OH" is a town.
    if (/^,\s*\p{Lu}{2}\b/u.test(this.text.slice(t.end, t.end + 5))) return undefined;
    const before = this.text.slice(Math.max(0, t.start - 2), t.start);
    const after = this.text.slice(t.end, t.end + 2);
    const possessive = /^['’]s/.test(after);
    const setOff = /,\s$/.test(before) && /^\s?[!,.)]/.test(after);
    const aged = AGE_AFTER.test(this.text.slice(t.end, t.end + 16));
    // "Jaxon was 3 when...", "➡️ Jaxon, you are our hero": a sentence about someone, opening on them.
    // Only a person is then called "he" or "she" ("Winter is coming" is not one).
    const opening = /(?:^|[.!?]\s*|[^\p{L}\p{N}\s,'’"]\s*)$/u.test(this.text.slice(0, t.start));
    const rest = this.text.slice(t.end, t.end + 80).split(/[.!?\n]/)[0];
    const subject =
      opening && SUBJECT_AFTER.test(rest) && (/^,/.test(rest) || PERSONAL_PRONOUN.test(rest));
    if (!possessive && !setOff && !aged && !subject && !(t.start === 0 && /^,/.test(after)))
      return undefined;
    return [this.mention(i, i, i, { guessed: true }), i];
  }

  // "Will was 16 when he was diagnosed... Congratulations to Will": a word that is also a name
  // ("Hope", "Joy", "June"), capitalized again and again in a text about someone called he or she.
  private readRecurring(i: number): Read | undefined {
    const t = this.tokens[i];
    if (!isNameWord(t.word) || isUnknownWord(t.word) || this.headline) return undefined;
    if (!PERSONAL_PRONOUN.test(this.text)) return undefined;
    const same = this.tokens.filter((o) => o.word === t.word);
    const midSentence = same.some(
      (o) => !/(?:^|[.!?:]\s*|\n\s*)$/u.test(this.text.slice(Math.max(0, o.start - 3), o.start)),
    );
    if (same.length < 2 || !midSentence) return undefined;
    return [this.mention(i, i, i, { ambiguous: true }), i];
  }

  // "his sister Tamika", "17-year-old Jaylen", "su hijo Emiliano": whatever name follows a word
  // for a relative or an age is a person's, in the lexicon or not.
  private readKin(i: number): Read | undefined {
    const t = this.tokens[i];
    if (
      !isNameWord(t.word) ||
      !KIN_BEFORE.test(this.text.slice(Math.max(0, t.start - 24), t.start))
    )
      return undefined;
    const last = this.nameRun(i);
    return [this.mention(i, i, last, {}), last];
  }

  // Spanish capitalizes only proper nouns inside a sentence (not months, days or nationalities):
  // a capitalized word there that is not a place ("en Reynosa") is most often a person's name.
  private readSpanishProperNoun(i: number): Read | undefined {
    const [prev, t] = [this.tokens[i - 1], this.tokens[i]];
    // After another capitalized word it is the tail of a place or a name ("Nueva York").
    if (this.lang !== 'es' || !prev || !isNameWord(t.word) || /^\p{Lu}/u.test(prev.word))
      return undefined;
    const gap = this.gap(prev, t);
    // A headline capitalizes its nouns ("Mitos y Verdades de la Vacuna"): there only whose story it
    // is ("La Historia de Keishla: ...").
    const storyOf = /^de$/i.test(prev.word) && /^\s*[:|!,]/.test(this.text.slice(t.end));
    if (this.headline && !storyOf) return undefined;
    if (
      !/^,?\s$/.test(gap) ||
      (!storyOf && PLACE_BEFORE_ES.test(this.text.slice(Math.max(0, t.start - 12), t.start)))
    )
      return undefined;
    const last = this.nameRun(i);
    return [this.mention(i, i, last, { guessed: true }), last];
  }

  // "Priya S.": a capitalized word and an initial, the way patients are named for privacy.
  private readInitialled(i: number): Read | undefined {
    const [t, initial] = [this.tokens[i], this.tokens[i + 1]];
    // "K. Ramirez", "Y. Haddad": an initial, then a surname ("Room B. Survivors" is neither).
    const surname =
      !!initial &&
      this.isInitial(t) &&
      this.gap(t, initial) === '. ' &&
      /(?:^|[\s"'“(])$/.test(this.text.slice(Math.max(0, t.start - 1), t.start)) &&
      !/\b(?:room|rm|suite|building|wing|unit|bed|bay|sala|cuarto|level|floor|lot|gate)\s+$/i.test(
        this.text.slice(Math.max(0, t.start - 12), t.start),
      ) &&
      isNameWord(initial.word) &&
      (isSurname(initial.word) || isUnknownWord(initial.word));
    if (surname) return [this.mention(i, i, i + 1, { guessed: true }), i + 1];
    if (!initial || !isNameWord(t.word) || this.gap(t, initial) !== ' ') return undefined;
    if (!this.isInitial(initial)) return undefined;
    return [this.mention(i, i, i + 1, { guessed: true }), i + 1];
  }

  private isNamePair(i: number): boolean {
    const [a, b] = [this.tokens[i], this.tokens[i + 1]];
    return !!b && isNameWord(a.word) && isNameWord(b.word) && this.gap(a, b) === ' ';
  }

  /** Index of the last token of a name that starts at `from` (middle names, initials, surname). */
  private nameRun(from: number): number {
    let j = from;
    while (j + 1 < this.tokens.length && j - from < 3) {
      const [t, next] = [this.tokens[j], this.tokens[j + 1]];
      const g = this.gap(t, next);
      // 'Mateo "Teo" Villanueva', "Rosalind (Roz) Fairweather": a nickname inside the name.
      const joins =
        g === ' ' || (this.isInitial(t) && g === '. ') || /^(?:\s["“(]|["”)]\s)$/u.test(g);
      if (!joins || !(isNameWord(next.word) || this.isInitial(next))) break;
      j++;
    }
    return j;
  }

  private mention(
    i: number,
    j: number,
    last: number,
    extra: Partial<PersonMention> & { words?: string[] },
  ): PersonMention {
    const { words, ...flags } = extra;
    const run = this.tokens.slice(j, last + 1);
    const lastToken = this.tokens[last];
    const end = this.isInitial(lastToken) ? lastToken.end + 1 : lastToken.end;
    return {
      start: this.tokens[i].start,
      end,
      tokens: words ?? run.map((t) => t.word).filter((w) => w.length > 1),
      family: false,
      ambiguous: false,
      guessed: false,
      single: run.length === 1 && i === j && !words,
      ...flags,
    };
  }

  private gap(a: Token, b: Token): string {
    return this.text.slice(a.end, b.start);
  }

  private isInitial(t: Token): boolean {
    return /^\p{Lu}$/u.test(t.word) && this.text[t.end] === '.';
  }
}

const RANK: Record<TitleClass, number> = { public: 0, courtesy: 1, staff: 2, patient: 3 };
const strongerTitle = (a: TitleClass | undefined, b: TitleClass) =>
  !a || RANK[b] > RANK[a] ? b : a;
