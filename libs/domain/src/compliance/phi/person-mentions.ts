import { AMBIGUOUS_GIVEN_NAMES, GIVEN_NAMES } from './given-names';
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
addTitles('patient', 'baby little grandpa grandma granny nana mom-to-be pt patient paciente');
addTitles('courtesy', 'mr mrs ms miss mx mister señora señor sra srta');
addTitles('staff', 'dr doctor nurse prof professor');
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
  Special Proud Join Visit Call Text Email Learn Read Watch Listen Register Book Ask Schedule Save
  January February March April May June July August September October November December Jan Feb
  Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday Friday Saturday Sunday
  Hospital Center Centre Clinic Clinics Health Healthcare Medical Medicine Institute University
  College School Elementary High Church Baptist Methodist Catholic Lutheran Foundation Fund Team
  Unit Program Department Dept Services Service Day Days Week Month Year Award Awards Society
  Association Club Fire Police Magazine Field Garden Gardens Inn Hotel Ballroom Pavilion Tower Wing
  League Games Olympics Heart Cancer Stroke Care Surgery Pediatrics Oncology Cardiology Street
  Avenue Ave Road Rd Park Lane Ln Drive Blvd Boulevard Way Court Ct Pkwy Hwy Pl County City State Capitol Hall Room Suite
  Building Campus Lab Laboratory Pharmacy Imaging Rehab Hospice Memorial Regional General Community
  Valley Ridge Summit Mercy Saint Festival Gala Walk Run Race Marathon Trust Bank Insurance Plan
  Medicare Medicaid Nursing Officer Executive Operating Financial Chief Award Prize Network System
  Partners Group Alliance Council Board Office Station Airport Mall Library Museum Theater Arena
  Stadium Center's Birthing Family Families Home Homes House Village Place Square Plaza Point Tour
  Story Journey Spotlight Diaries Update Note Alert Reminder Episode Chapters Introduction Q&A
  God Lord Jesus Christmas Easter Thanksgiving Halloween Eve Valentine Mother's Father's Doctors`
    .split(/\s+/)
    .filter(Boolean),
);
const PLACE_WORDS_AFTER =
  /^\s+(?:Hospital|Center|Centre|Clinic|Health|Medical|Institute|University|College|School|Elementary|High|Church|Foundation|Fund|Family Foundation|Street|St|Avenue|Ave|Road|Rd|Blvd|Boulevard|Ln|Drive|Park|Hall|Library|Pavilion|Tower|Wing|Memorial|House|Fire|Police|County|Fest|Festival|Golf|Club|Award|Birthing|Cancer|Heart|Children's|Women's)\b/;
const PLACE_BEFORE = /(?:\b(?:in|at|from|of|near|St\.|Mt\.|Saint|Mount|Lake|Fort|Port)\s+)$/;

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

// "patient Carlos Mendez" is a person; "Patient Relations" is a department.
const titleOf = (word: string): TitleClass | undefined =>
  /^(?:Patient|Paciente)$/.test(word) ? undefined : TITLES[word.toLowerCase()];
const isNameWord = (word: string) => NAME_SHAPE.test(word) && !NOT_A_NAME.has(word);
const isInitial = (t: Token, text: string) => /^\p{Lu}$/u.test(t.word) && text[t.end] === '.';

/** Finds people named in the text: titled names, gazetteer first names, households. */
export function findPersonMentions(text: string): PersonMention[] {
  const tokens = tokenize(text);
  const mentions: PersonMention[] = [];
  const gap = (a: Token, b: Token) => text.slice(a.end, b.start);
  const nameRun = (from: number): number => {
    let j = from;
    while (j + 1 < tokens.length && j - from < 3) {
      const next = tokens[j + 1];
      const g = gap(tokens[j], next);
      const joins = g === ' ' || (isInitial(tokens[j], text) && g === '. ');
      if (!joins || !(isNameWord(next.word) || isInitial(next, text))) break;
      j++;
    }
    return j;
  };
  for (let i = 0; i < tokens.length; i++) {
    const mention = readMention(i);
    if (!mention) continue;
    const [m, last] = mention;
    if (!PLACE_WORDS_AFTER.test(text.slice(m.end, m.end + 24))) mentions.push(m);
    i = last;
  }
  return mentions;

  function readMention(i: number): [PersonMention, number] | undefined {
    let j = i;
    let titleClass: TitleClass | undefined;
    while (
      j < tokens.length - 1 &&
      titleOf(tokens[j].word) &&
      /^[.)]*\s+\(?$/.test(gap(tokens[j], tokens[j + 1]))
    ) {
      titleClass = strongerTitle(titleClass, titleOf(tokens[j].word)!);
      j++;
      if (/^baby$/i.test(tokens[j - 1].word) && /^(?:boy|girl)$/.test(tokens[j].word)) j++;
    }
    const first = tokens[j];
    if (!first || j >= tokens.length) return undefined;
    if (titleClass) {
      if (!isNameWord(first.word) || /^\p{Ll}/u.test(first.word)) return undefined;
      const last = nameRun(j);
      return [build(i, j, last, { titleClass }), last];
    }
    const household = readHousehold(i);
    if (household) return household;
    if (!GIVEN_NAMES.has(first.word) || !NAME_SHAPE.test(first.word))
      return readCoordinated(i) ?? readGuessed(i);
    const last = nameRun(j);
    const single = last === j;
    const possessive = /^['’]s\b/.test(text.slice(first.end, first.end + 3));
    if (
      single &&
      !possessive &&
      PLACE_BEFORE.test(text.slice(Math.max(0, first.start - 8), first.start))
    )
      return undefined;
    if (single && /^\s*\d/.test(text.slice(first.end, first.end + 3))) return undefined; // "June 5"
    if (single && /^,\s*\p{Lu}{2}\b/u.test(text.slice(first.end, first.end + 5))) return undefined; // "Mason, OH"
    return [build(i, j, last, { ambiguous: AMBIGUOUS_GIVEN_NAMES.has(first.word) }), last];
  }

  function readHousehold(i: number): [PersonMention, number] | undefined {
    const t = tokens[i];
    const next = tokens[i + 1];
    if (!next || !isNameWord(t.word) || gap(t, next) !== ' ') return undefined;
    if (next.word === 'family' || next.word === 'Family') {
      if (/^\s+\p{Lu}/u.test(text.slice(next.end, next.end + 3))) return undefined; // "Smith Family Birthing Center"
      return [
        {
          ...span(t, next),
          tokens: [t.word],
          family: true,
          ambiguous: false,
          guessed: false,
          single: false,
        },
        i + 1,
      ];
    }
    if (next.word === 'baby' && !GIVEN_NAMES.has(t.word)) {
      const mention = {
        ...span(t, next),
        tokens: [t.word],
        titleClass: 'patient' as const,
        family: true,
      };
      return [{ ...mention, ambiguous: false, guessed: false, single: false }, i + 1];
    }
    return undefined;
  }

  // "Jorge and Lupe Ramirez": an unknown first name coordinated with a known one, then a surname.
  function readCoordinated(i: number): [PersonMention, number] | undefined {
    const prev = mentions[mentions.length - 1];
    const [a, b] = [tokens[i], tokens[i + 1]];
    if (!prev || !b || !isNameWord(a.word) || !isNameWord(b.word) || gap(a, b) !== ' ')
      return undefined;
    if (!/^\s*(?:and|&)\s*$/.test(text.slice(prev.end, a.start))) return undefined;
    const last = nameRun(i);
    return [build(i, i, last, {}), last];
  }

  // Two capitalized words outside the gazetteer, followed by an age or a relative clause.
  function readGuessed(i: number): [PersonMention, number] | undefined {
    const [a, b] = [tokens[i], tokens[i + 1]];
    if (!b || !isNameWord(a.word) || !isNameWord(b.word) || gap(a, b) !== ' ') return undefined;
    if (!/^(?:,\s*\d{1,3},|,\s*who\b|\s+(?:is|was|has|had)\s)/.test(text.slice(b.end, b.end + 12)))
      return undefined;
    return [
      {
        ...span(a, b),
        tokens: [a.word, b.word],
        family: false,
        ambiguous: false,
        guessed: true,
        single: false,
      },
      i + 1,
    ];
  }

  function build(i: number, j: number, last: number, extra: Partial<PersonMention>): PersonMention {
    const run = tokens.slice(j, last + 1);
    const words = run.map((t) => t.word).filter((w) => w.length > 1);
    const single = run.length === 1 && i === j;
    const end = isInitial(tokens[last], text)
      ? { ...tokens[last], end: tokens[last].end + 1 }
      : tokens[last];
    return {
      ...span(tokens[i], end),
      tokens: words,
      family: false,
      ambiguous: false,
      guessed: false,
      single,
      ...extra,
    };
  }
}

const RANK: Record<TitleClass, number> = { public: 0, courtesy: 1, staff: 2, patient: 3 };
const strongerTitle = (a: TitleClass | undefined, b: TitleClass) =>
  !a || RANK[b] > RANK[a] ? b : a;
const span = (a: Span, b: Span): Span => ({ start: a.start, end: b.end });
