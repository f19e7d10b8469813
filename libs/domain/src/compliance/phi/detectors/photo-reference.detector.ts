import { findPersonMentions } from '../person-mentions';
import type { PhiFinding } from '../phi-finding';
import type { ScanDocument } from '../scan-document';

// A photo or video shows a person, or a sign, chart, screen or wristband in it shows their details.
const SHOWN = [
  /\b(?:pictured|shown|en la (?:foto|imagen))\b\s*(?:[:,-]|here|above|below|aqu[íi])?\s*(?:(?:little|baby|our patient|patient|la peque[ñn]a|el peque[ñn]o|nuestr[oa] paciente)\s+)?(?:\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,2})/gu,
  /\b(?:photo|picture|pic|image|selfie|video|screenshot|x-ray|scan|foto|imagen|radiograf[íi]a)s?\s+(?:of|de)\s+(?:(?:our|my|his|her|their|nuestr[oa]|mi|su)\s+)?(?:patient|paciente|\p{Lu}\p{L}+)(?:\s+\p{Lu}[\p{L}'’.-]*){0,2}/gu,
  /\b(?:whiteboard|white board|board|wristband|bracelet|name card|name tag|label|sign|chart|screen|monitor|door sign|pizarr[óo]n|pulsera|letrero|cartel|pantalla)\b[^.!?'"‘“]{0,40}?\b(?:reads?|reading|says?|saying|shows?|showing|that says|with|dice|que dice|muestra)\s*:?\s*['"‘“][^'"’”]{2,80}['"’”]/giu,
  /\b(?:van a ver a|you(?:'ll| will)? see|vean a|see|watch)\s+(?:(?:a\s+)?(?:mi|my|our|nuestr[oa])\s+\w+\s+)\p{Lu}\p{L}+/gu,
];
// A quoted sign or card that names someone or carries a record number identifies them.
const IDENTIFYING_QUOTE =
  /\b(?:Pt|Patient|Paciente|Name|Nombre|MRN|DOB|Baby (?:Boy|Girl))\b|\d{4,}/;

/** References to a photo or video that shows a patient, or their details in the picture. */
export function detectPhotoReferences(doc: ScanDocument): PhiFinding[] {
  const findings: PhiFinding[] = [];
  for (const pattern of SHOWN) {
    for (const m of doc.text.matchAll(pattern)) {
      const span = { start: m.index, end: m.index + m[0].trimEnd().length };
      const quoted = /['"’”]$/.test(m[0]);
      if (quoted && !IDENTIFYING_QUOTE.test(m[0]) && !namesSomeone(m[0])) continue;
      const identifying = quoted || doc.patients.length > 0;
      findings.push(
        doc.finding(
          'photo_reference',
          identifying ? 'block' : 'warn',
          span,
          identifying
            ? 'Points at a photo or video that shows a patient or their details.'
            : 'Refers to a photo of a person; check it does not show a patient without consent.',
        ),
      );
    }
  }
  return findings;
}

function namesSomeone(text: string): boolean {
  const quote = text.slice(text.search(/['"‘“]/));
  return findPersonMentions(quote).some((p) => !p.ambiguous);
}
