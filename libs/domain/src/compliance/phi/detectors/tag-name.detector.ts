import { givenName } from '../name-lexicon';
import { STRONG_CLINICAL } from '../phi-lexicon';
import type { PhiFinding } from '../phi-finding';
import type { ScanDocument } from '../scan-document';

// One YouTube tag: the text between commas.
const TAG = /[^,]+/g;
// A tag that is a person: "tamika ross", "baby luca", "grandpa joe", "jackson w", "nina's stroke
// recovery" (a first name, possessive, before what happened to her). Tags are lowercase by habit,
// so the name's capital, which the name parse relies on, is missing.
const PERSON_TAG =
  /^(?:(?:baby|bebe|beb[ée]|little|grandpa|grandma|abuel[oa]|t[íi][oa]|mr|mrs|ms|miss|don|doña|sr|sra)\.?\s+)?(\p{L}[\p{L}'’.-]*)((?:\s+\p{L}[\p{L}'’.-]*){0,3})$/iu;
const POSSESSIVE_TAG = /^(\p{L}+)['’]s\s/u;
// A disease or sign named after a person: "Lou Gehrig's disease", "Bell's palsy".
const EPONYM =
  /['’]s\s+(?:disease|syndrome|palsy|sign|law|test|maneuver|ataxia|anemia|lymphoma)\b/i;

/**
 * In YouTube tags, a tag that is a first name (and maybe a surname or an initial) among tags of
 * care is a patient named as plainly as in a sentence: "tamika ross, double lung transplant".
 */
export function detectTagNames(doc: ScanDocument): PhiFinding[] {
  if (doc.field !== 'tag' || !STRONG_CLINICAL.test(doc.text)) return [];
  const findings: PhiFinding[] = [];
  for (const m of doc.text.matchAll(TAG)) {
    const tag = m[0].trim();
    if (EPONYM.test(tag)) continue;
    const start = m.index + m[0].indexOf(tag);
    const person = PERSON_TAG.exec(tag);
    const possessive = POSSESSIVE_TAG.exec(tag);
    const first = person?.[1] ?? possessive?.[1];
    if (!first || givenName(capitalized(first), doc.lang) !== 'given') continue;
    if (person && STRONG_CLINICAL.test(tag)) continue;
    const name = person ? tag : possessive![1];
    if (doc.allow.isStaff(name.split(/\s+/))) continue;
    findings.push(
      doc.finding(
        'patient_name',
        'block',
        { start, end: start + name.length },
        `The tag "${name}" names a person among tags about care: a patient, identified.`,
      ),
    );
  }
  return findings;
}

const capitalized = (word: string) => word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
