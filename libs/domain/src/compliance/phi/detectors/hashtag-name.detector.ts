import { givenName } from '../name-lexicon';
import type { PhiFinding } from '../phi-finding';
import type { ScanDocument } from '../scan-document';

const HASHTAG = /(?<![\w&])#[\p{L}\p{N}_]+/gu;
// Words of a support campaign around one person: #TeamLiam, #PrayForSofia, #FuerzaDiego,
// #JaxonStrong, #BringAlHome, #AbueloPepe.
const SUPPORT_WORD =
  /^(?:team|pray|prayers|praying|for|strong|fuerte|fuerza|todos|todas|con|por|go|bring|home|warrior|guerrer[oa]|fight|fighting|love|loves|hope|abuel[oa]|baby|beb[eé]|little|peque[ñn][oa]|stand|with|free|heal|healing|army|nation|crew|get|well|recover|recovery|miracle|milagro|vamos|[aá]nimo|oraci[oó]n|unidos|the|mighty|brave|squad|journey)$/i;
const CAMEL_PART = /\p{Lu}[\p{Ll}\p{M}]*|\p{Ll}[\p{Ll}\p{M}]*|\p{N}+/gu;

/** A campaign hashtag built around someone's first name identifies a patient as much as the name. */
export function detectHashtagNames(doc: ScanDocument): PhiFinding[] {
  const findings: PhiFinding[] = [];
  for (const m of doc.text.matchAll(HASHTAG)) {
    const parts = m[0].slice(1).match(CAMEL_PART) ?? [];
    if (parts.length < 2 || !parts.some((p) => SUPPORT_WORD.test(p))) continue;
    const name = parts.find(
      (p) => /^\p{Lu}/u.test(p) && !SUPPORT_WORD.test(p) && givenName(p) !== undefined,
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
