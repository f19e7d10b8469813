import { findPersonMentions } from '../person-mentions';
import type { PhiFinding } from '../phi-finding';
import type { ScanDocument } from '../scan-document';
import type { Span } from '../scan-text';

// "Pictured front row: Derek Wilson", "en la foto, la pequeña Sofía": a person shown in the image.
const PICTURED =
  /\b(?:pictured|shown|in the (?:photo|picture|video)|en la (?:foto|imagen)|en el video)\b[^.!?:\p{Lu}]{0,24}:?\s*(?:(?:little|baby|our patient|patient|la peque[ñn]a|el peque[ñn]o|nuestr[oa] paciente)\s+)?\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,2}/gu;
// "photo of our patient Lily", "video de nuestra paciente".
const IMAGE_OF =
  /\b(?:photo|picture|pic|image|selfie|video|screenshot|x-ray|scan|foto|imagen|radiograf[íi]a)s?\s+(?:of|de)\s+(?:(?:our|my|his|her|their|nuestr[oa]|mi|su)\s+)?(?:patient|paciente|\p{Lu}\p{L}+)(?:\s+\p{Lu}[\p{L}'’.-]*){0,2}/gu;
// "you'll see my daughter Emma", "vean a mi hijo Luis": who the video shows.
const WATCH =
  /\b(?:van a ver a|you(?:'ll| will)? see|vean a|see|watch)\s+(?:(?:a\s+)?(?:mi|my|our|nuestr[oa])\s+\w+\s+)\p{Lu}\p{L}+/gu;
// A quoted sign or card that names someone or carries a record number identifies them.
const IDENTIFYING_QUOTE =
  /\b(?:Pt|Patient|Paciente|Name|Nombre|MRN|DOB|Baby (?:Boy|Girl))\b|(?<!\d)(?!(?:19|20)\d{2}(?!\d))\d{4,}/;
// Things in a picture that carry written details: a whiteboard, a wristband, a screen, a card.
const IMAGE_OR_OBJECT =
  /\b(?:photos?|pictures?|pics?|images?|videos?|footage|b-roll|screenshots?|screen ?grabs?|close-up|whiteboard|white board|board|wristband|bracelet|band|name card|crib card|card|label|sticker|tag|sign|chart|screens?|monitor|banner|folder|form|certificate|badge|fotos?|im[áa]genes|imagen|videos?|capturas?|pizarr[óo]n|pulsera|brazalete|tarjeta|etiqueta|letrero|cartel|pantalla|monitor|certificado|expediente|carpeta)\b/iu;
// Where the description of the image ends and its quoted content begins.
const DESCRIPTION_END =
  /\s*(?:[:;(]|\s(?:reading|reads|that reads|which reads|showing|shows|that says|saying|says|with (?:a|the) (?:label|sticker|tag|note)|que dice|dice|muestra|con (?:la|una) etiqueta)\b)/iu;
const QUOTE_OPEN = /['"‘“]/g;

/**
 * References to an image that shows a patient or their details: an alt text or a described photo
 * whose content carries PHI found by the other detectors, a quoted sign, card or screen that does,
 * and a person said to be pictured beside their care.
 */
export function detectPhotoReferences(
  doc: ScanDocument,
  found: readonly PhiFinding[],
): PhiFinding[] {
  const identifying = found.filter((f) => f.severity === 'block' && f.kind !== 'care_mention');
  const inSpan = (s: Span) => identifying.some((f) => f.start >= s.start && f.start < s.end);
  const findings: PhiFinding[] = [];
  const push = (span: Span, block: boolean, reason: string) => {
    if (span.end <= span.start || findings.some((f) => f.start < span.end && span.start < f.end))
      return;
    findings.push(doc.finding('photo_reference', block ? 'block' : 'warn', span, reason));
  };
  for (const sentence of doc.sentences) {
    const prose = doc.prose(sentence.start, sentence.end);
    const describes = doc.field === 'alt_text' || startsWithImage(prose);
    if (describes && (inSpan(sentence) || showsPatient(prose))) {
      push(
        description(doc, sentence),
        true,
        'Describes an image that shows a patient or their details.',
      );
    }
    for (const q of prose.matchAll(QUOTE_OPEN)) {
      const quote = { start: sentence.start + q.index, end: sentence.end };
      const before = prose.slice(0, q.index);
      if (!IMAGE_OR_OBJECT.test(before) || !(inSpan(quote) || identifyingQuote(doc, quote)))
        continue;
      push(
        description(doc, { start: sentence.start, end: quote.start }),
        true,
        'Points at a sign, card, screen or photo that shows a patient’s details.',
      );
    }
  }
  for (const pattern of [PICTURED, IMAGE_OF, WATCH]) {
    for (const m of doc.text.matchAll(pattern)) {
      const span = { start: m.index, end: m.index + m[0].trimEnd().length };
      const named =
        findPersonMentions(m[0]).some((p) => !p.ambiguous) || /patient|paciente/i.test(m[0]);
      if (!named) continue;
      const patient = doc.patients.some((p) => p.start < span.end + 40 && span.start < p.end);
      push(
        span,
        patient || doc.patientInSentence(span),
        patient
          ? 'Points at a photo or video that shows a patient.'
          : 'Refers to a photo of a person; check it does not show a patient without consent.',
      );
    }
  }
  return findings;
}

const IMAGE_START =
  /^\s*(?:(?:a|an|the|un|una|el|la)\s+)?(?:photo|picture|image|close-up|closeup|screenshot|screen grab|video still|still|selfie|foto|fotograf[íi]a|imagen|captura(?: de pantalla)?|acercamiento)\b/iu;
function identifyingQuote(doc: ScanDocument, quote: Span): boolean {
  const text = doc.prose(quote.start, quote.end);
  return (
    IDENTIFYING_QUOTE.test(text) ||
    findPersonMentions(text).some((p) => !p.ambiguous && p.titleClass !== 'staff')
  );
}

// The image's subject, near the start of its description: "A man in his late 30s...", "Niño pequeño...".
const FIGURE =
  /^[^.;:]{0,30}?(?<!\p{L})(?:man|woman|boy|girl|child|kid|toddler|baby|infant|newborn|preemie|teen(?:ager)?|grandmother|grandfather|grandma|grandpa|patient|ni[ñn][oa]|hombre|mujer|beb[eé]|reci[eé]n nacid[oa]|abuel[oa]|abuelit[oa]|paciente|adolescente|señora?|anciana?)(?!\p{L})/iu;
// Where a person is being cared for: the bed, the gown, the lines and machines around them.
const CARE_SETTING =
  /(?<!\p{L})(?:hospital (?:bed|gown|room|crib)|gown|wheelchair|IV|monitor|cannula|oxygen|incubator|isolette|cast|bandages?|infusion|stretcher|feeding tube|ventilator|cama de hospital|bata|silla de ruedas|suero|incubadora|camilla|vendaje|yeso|bomba de infusi[oó]n|cubrebocas|ox[ií]geno|sonda)(?!\p{L})/iu;
const showsPatient = (prose: string) => FIGURE.test(prose) && CARE_SETTING.test(prose);

const startsWithImage = (prose: string) => IMAGE_START.test(prose);

/** The words that say what the image is, up to where its quoted or listed content starts. */
function description(doc: ScanDocument, s: Span): Span {
  const prose = doc.prose(s.start, s.end);
  const lead = prose.length - prose.trimStart().length;
  const cut = prose.slice(lead).search(DESCRIPTION_END);
  const body = cut > 0 ? prose.slice(lead, lead + cut) : prose.slice(lead);
  const trimmed = body.replace(/[\s,.'"‘“’”—–-]+$/u, '');
  return { start: s.start + lead, end: s.start + lead + trimmed.length };
}
