import { givenName, isUnknownWord } from '../name-lexicon';
import { STRONG_CLINICAL } from '../phi-lexicon';
import type { PhiFinding } from '../phi-finding';
import type { ScanDocument } from '../scan-document';

const HASHTAG = /(?<![\w&])#[\p{L}\p{N}_]+/gu;
// Words of a support campaign around one person: #TeamLiam, #PrayForSofia, #FuerzaDiego,
// #JaxonStrong, #BringAlHome, #AbueloPepe.
const SUPPORT_WORD =
  /^(?:team|pray|prayers|praying|for|strong|fuerte|fuerza|todos|todas|con|por|para|amor|love|go|bring|home|warrior|guerrer[oa]|fight|fighting|love|loves|hope|abuel[oa]|baby|beb[eé]|little|peque[ñn][oa]|stand|with|free|heal|healing|army|nation|crew|get|well|recover|recovery|miracle|milagro|vamos|[aá]nimo|oraci[oó]n|unidos|the|mighty|brave|squad|journey)$/i;
// #GalaForHope, #WalkForKids: an event's name, not a campaign around one person.
const EVENT_WORD =
  /^(?:gala|walk|run|race|fund|fundraiser|ball|golf|classic|drive|night|day|week|month|challenge|campaign|tour|fest|festival|hoops|caminata|carrera|colecta|d[íi]a|semana|mes|cena|torneo|marat[óo]n|marathon)$/i;
const CAMEL_PART = /\p{Lu}[\p{Ll}\p{M}]*|\p{Ll}[\p{Ll}\p{M}]*|\p{N}+/gu;

/** A campaign hashtag built around someone's first name identifies a patient as much as the name. */
export function detectHashtagNames(doc: ScanDocument): PhiFinding[] {
  const findings: PhiFinding[] = [];
  for (const m of doc.text.matchAll(HASHTAG)) {
    const parts = m[0].slice(1).match(CAMEL_PART) ?? [];
    if (parts.length < 2 || !parts.some((p) => SUPPORT_WORD.test(p))) continue;
    if (parts.some((p) => EVENT_WORD.test(p))) continue;
    // A first name of the lexicon; or, when every other part is a support word (#PrayForBeckett,
    // #AmorParaAitana, not #HoopsForHearts), a word no lexicon knows in a name's place.
    const others = parts.filter((p) => !SUPPORT_WORD.test(p));
    const name = parts.find(
      (p) =>
        /^\p{Lu}/u.test(p) &&
        !SUPPORT_WORD.test(p) &&
        (givenName(p) !== undefined ||
          (others.length === 1 && isUnknownWord(p) && p.length >= 3 && !STRONG_CLINICAL.test(p))),
    );
    if (!name || doc.allow.isStaff([name])) continue;
    findings.push(
      doc.finding(
        'patient_name',
        'block',
        { start: m.index, end: m.index + m[0].length },
        `The hashtag ${m[0]} rallies support around "${name}", which identifies a patient.`,
      ),
    );
  }
  return findings;
}
