import type { PhiFinding } from '../phi-finding';
import { PERSON_REFERENCE, STRONG_CLINICAL } from '../phi-lexicon';
import type { ScanDocument } from '../scan-document';
import type { Span } from '../scan-text';

const DIRECTION = String.raw`(?:North|South|East|West|Norte|Sur|Este|Oeste|N|S|E|W)`;
// "room 418", "Bed 2", "bay 7", "habitación 312", "cama 7", "5 North", "unidad 5 Norte, cama 7".
const LOCATORS = [
  new RegExp(
    String.raw`\b(?:(?:unit|unidad|piso|floor|planta)\s+)?\d{1,2}\s?${DIRECTION}\b(?:,?\s+(?:room|rm\.?|bed|cama|habitaci[óo]n|cuarto)\s*#?\s*\d{1,4}[A-Z]?\b)?`,
    'g',
  ),
  new RegExp(
    String.raw`(?<![\p{L}])(?:room|rm\.?|bed|bay|pod|crib|isolette|chair|habitaci[óo]n|hab\.|cuarto|cama|cub[íi]culo|sill[óo]n)\s*#?\s*\d{1,4}[A-Z]?(?:-?\d)?\b(?:,?\s+(?:bed|cama)\s*#?\s*\d{1,2}\b)?`,
    'giu',
  ),
  // Floors: "3rd floor", "the 7th floor", "piso 4", "3er piso", "2º piso", "planta 5".
  new RegExp(
    String.raw`\b\d{1,2}(?:st|nd|rd|th)\s+floor\b|(?<![\p{L}])(?:piso|planta)\s+\d{1,2}(?!\d)|\b\d{1,2}(?:er|º|°|o)\s+piso(?![\p{L}])`,
    'giu',
  ),
];
// A named unit or floor where a patient stays: "on our Senior Care unit", "in the Neuro ICU",
// "en el piso de oncología pediátrica", "la UCI pediátrica". Only where the text locates a patient.
const UNIT =
  /\b(?:on|in|at|to|from)\s+(?:the|our|their|his|her)\s+(?:[\w&'-]+\s+){0,4}?(?:unit|floor|ward|wing|ICU|NICU|PICU|CCU|step-down|ER|ED|emergency room|trauma bay)\b|(?<!\p{L})(?:en|a|de|desde)\s+(?:el|la)\s+(?:piso|planta|[áa]rea|sala|unidad|UCI|UCIN|terapia intensiva|sala de emergencias|urgencias)(?:\s+(?:de|del)\s+(?:la\s+)?[\p{L}]+(?:\s+[\p{Ll}]+)?|\s+(?:pedi[áa]trica|neonatal|coronaria|intensiva))?(?!\p{L})/giu;

// Staff shorthand for a patient by their room: "mr. k in 308", "the guy who's been in 412",
// "el señor del 5B", "el del 214".
const ROOM_OF_PERSON =
  /(?:\b(?:guy|man|woman|lady|gentleman|kid|patient|pt|mr|mrs|ms|miss)\b\.?[^.!?\n]{0,30}?\bin|(?<!\p{L})(?:señor|señora|se[ñn]ora|paciente|chavo|chava|el|la)\s+del?)\s+(\d{3,4}[A-Z]?|\d[A-Z])(?![\p{L}\d%])(?!\s*(?:people|patients|beds|days|hours|minutes|years|personas|pacientes|camas|d[íi]as|horas|años))/giu;

// Rooms of meetings, classes and events: a place to go, not a place a patient lies.
const EVENT_ROOM =
  /\b(?:conference|meeting|class(?:room)?|seminar|auditorium|lecture|training|education|community|event|workshop|support group|sala de juntas|reuni[óo]n|clase|taller|auditorio)\b/i;

// Places visitors are sent to: a floor named with one is directions, not where a patient lies.
const WAYFINDING =
  /\b(?:cafeteria|caf[ée]|playroom|pharmacy|elevators?|lobby|gift shop|chapel|family room|parking|garage|entrance|registration|front desk|information desk|welcome desk|help desk|wi-?fi|vaccin\w*|flu shots?|lab(?:oratory)? draws?|cafeter[íi]a|farmacia|capilla|ascensor(?:es)?|elevador(?:es)?|estacionamiento|entrada|recepci[óo]n|vacunatorio|vacunas?|tienda de regalos|sala de espera)\b/iu;

/** Rooms, beds and units that locate a patient in the building. */
export function detectLocators(doc: ScanDocument): PhiFinding[] {
  const findings: PhiFinding[] = [];
  const seen: Span[] = [];
  for (const pattern of LOCATORS) {
    for (const m of doc.text.matchAll(pattern)) {
      const span = { start: m.index, end: m.index + m[0].length };
      if (seen.some((s) => s.start < span.end && span.start < s.end)) continue;
      seen.push(span);
      const finding = judge(doc, span);
      if (finding) findings.push(finding);
    }
  }
  for (const m of doc.prose().matchAll(ROOM_OF_PERSON)) {
    const start = m.index + m[0].length - m[1].length;
    const span = { start, end: start + m[1].length };
    if (seen.some((s) => s.start < span.end && span.start < s.end)) continue;
    seen.push(span);
    findings.push(
      doc.finding('room_location', 'block', span, `Locates a patient by their room (${m[1]}).`),
    );
  }
  // A unit locates a patient the text names; elsewhere it is where the hospital does its work.
  if (doc.patients.length > 0) {
    for (const m of doc.prose().matchAll(UNIT)) {
      const span = { start: m.index, end: m.index + m[0].length };
      if (seen.some((s) => s.start < span.end && span.start < s.end)) continue;
      if (EVENT_ROOM.test(doc.around(span).sentence)) continue;
      findings.push(
        doc.finding('room_location', 'block', span, `Locates a patient in the building (${m[0]}).`),
      );
    }
  }
  return findings;
}

function judge(doc: ScanDocument, span: Span): PhiFinding | undefined {
  const { sentence } = doc.around(span);
  if (EVENT_ROOM.test(sentence)) return undefined;
  if (WAYFINDING.test(sentence) && !doc.patientInSentence(span)) return undefined;
  const text = doc.text.slice(span.start, span.end);
  const located =
    doc.patients.length > 0 ||
    doc.reply ||
    (PERSON_REFERENCE.test(sentence) && STRONG_CLINICAL.test(doc.prose()));
  if (!located && /^\d/.test(text)) return undefined;
  return doc.finding(
    'room_location',
    located ? 'block' : 'warn',
    span,
    located
      ? `Locates a patient in the building (${text}).`
      : `A room or bed (${text}); with other details it can locate a patient.`,
  );
}
