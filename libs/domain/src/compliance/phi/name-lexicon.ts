import nlp from 'compromise';

type Tags = string | string[] | undefined;

// compromise's lexicon: thousands of given names and surnames, tagged by the library's maintainers.
const LEXICON = (nlp.model() as { one: { lexicon: Record<string, Tags> } }).one.lexicon;
const tagsOf = (word: string): string[] => {
  const key = word.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
  const tags = LEXICON[key];
  return tags === undefined ? [] : Array.isArray(tags) ? tags : [tags];
};

export type GivenName = 'given' | 'ambiguous';

/**
 * A first name in compromise's lexicon; unisex names that are also words (Grace, Mark, Chase) are
 * `ambiguous`. Its famous people and places (Austin, Jefferson) are left to the full parse.
 */
export function givenName(word: string): GivenName | undefined {
  const tags = tagsOf(word);
  if (tags.includes('MaleName') || tags.includes('FemaleName')) return 'given';
  if (tags.includes('FirstName')) return 'ambiguous';
  return undefined;
}

export function isSurname(word: string): boolean {
  return tagsOf(word).includes('LastName');
}

export interface NamedSpan {
  start: number;
  end: number;
}

interface PersonJson {
  offset: { start: number; length: number };
  terms: { text: string }[];
}

/** People compromise recognises by shape and context ("Marisa Fong", "Doña Carmen Ruiz"). */
export function recognisedPeople(text: string): NamedSpan[] {
  const people = nlp(text).people().json({ offset: true }) as PersonJson[];
  return people.map(({ offset, terms }) => {
    // The offset covers trailing punctuation ("Hernández,"): end at the last name's own text.
    const last = terms[terms.length - 1]?.text ?? '';
    const at = text.lastIndexOf(last, offset.start + offset.length);
    return {
      start: offset.start,
      end: at >= offset.start ? at + last.length : offset.start + offset.length,
    };
  });
}
