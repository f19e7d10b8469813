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

// Spanish first names that are everyday words ("luz para la esperanza", "la paz", "milagros"): in
// Spanish prose they need the same evidence as "Grace" or "Summer" do in English.
const SPANISH_WORD_NAMES = new Set(
  'Luz Esperanza Paz Rosa Dolores Consuelo Amparo Socorro Milagros Mercedes Pilar Soledad Caridad Gracia Blanca Cruz Victoria Alegría Estrella Perla Aurora Paloma Flor Luna Sol Cielo Celeste Reyes Salvador Ángeles Fe Rocío Nieves Belén Olivia Violeta Camelia Azucena Jazmín Gloria Inmaculada Concepción Asunción Remedios Patria Libertad Modesto Justo Clemente Feliz Amado Leal Bonifacio Primavera'.split(
    ' ',
  ),
);

/**
 * A first name in compromise's lexicon; unisex names that are also words (Grace, Mark, Chase) are
 * `ambiguous`. Its famous people and places (Austin, Jefferson) are left to the full parse.
 */
export function givenName(word: string, lang: 'en' | 'es' = 'en'): GivenName | undefined {
  if (lang === 'es' && SPANISH_WORD_NAMES.has(word)) return 'ambiguous';
  const tags = tagsOf(word);
  if (tags.includes('MaleName') || tags.includes('FemaleName') || tags.includes('Person'))
    return 'given';
  if (tags.includes('FirstName')) return 'ambiguous';
  return undefined;
}

/** Neither a word nor a name compromise knows: in name position, most often a rarer name. */
export function isUnknownWord(word: string): boolean {
  return tagsOf(word).length === 0;
}

/** Only ever a person's name (a surname, a proper noun), never a common word or a place: "Harper". */
export function isProperNoun(word: string): boolean {
  const tags = tagsOf(word);
  return tags.length > 0 && tags.every((t) => PROPER_TAGS.has(t));
}
const PROPER_TAGS = new Set(['LastName', 'ProperNoun', 'Person', 'FirstName']);

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
