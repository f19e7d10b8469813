import type { PhiFinding } from '../phi-finding';
import { STRONG_CLINICAL } from '../phi-lexicon';
import type { ScanDocument } from '../scan-document';

// The care a speaker calls their own (not the hospital's "our"): "my chemo", "my new PICC line", "mi quimio", "me operan".
const OWN_CARE = new RegExp(
  [
    String.raw`\bmy\s+(?:(?:new|last|first|next|fourth|third|second|final|\w+['’]s)\s+)?(?:chemo\w*|surgery|surgeries|IV|PICC(?: line)?|port|infusions?|treatments?|diagnosis|transplant|biopsy|MRI|CT scan|dialysis|radiation|leukemia|cancer|tumou?r|recovery|rehab|hospital (?:stay|room|bed|bracelet|band)|room on the \w+ floor|(?:\w+ )?(?:repair|replacement)|admission|discharge|care|follow-up|appointment|ER visit|broken \w+|stitches|cast)\b[^.!?,;]{0,40}`,
    String.raw`(?<!\p{L})(?:mi|mis)\s+(?:(?:[úu]ltima|pr[óo]xima|primera|nueva)\s+)?(?:quimio(?:terapia)?|cirug[íi]a|operaci[óo]n|tratamiento|diagn[óo]stico|trasplante|biopsia|di[áa]lisis|radioterapia|leucemia|c[áa]ncer|tumor|recuperaci[óo]n|rehabilitaci[óo]n|cat[ée]ter|cuarto|habitaci[óo]n|cita|consulta|ultrasonido|estudios?|an[áa]lisis|resonancia|mamograf[íi]a|mastograf[íi]a|expediente|resultados)(?!\p{L})[^.!?,;]{0,40}`,
    String.raw`(?<!\p{L})me\s+(?:operan|operaron|oper[ée]|internaron|ingresaron|dieron de alta|diagnosticaron|atendieron|trataron|hicieron (?:una|la) (?:cirug[íi]a|biopsia|operaci[óo]n))(?!\p{L})[^.!?,;]{0,40}`,
    // "I was in room 612", "I came into the ER", "la última vez que fui a urgencias".
    String.raw`\bI\s+(?:was|went|came|got|ended up|spent \w+ \w+)\s+(?:in|into|to|at)\s+(?:the\s+|your\s+|a\s+)?(?:[\w'-]+\s+){0,3}?(?:ER|ED|emergency room|urgent care|ICU|CCU|hospital|step-down|rehab|unit|room \d+|floor)\b[^.!?,;]{0,30}`,
    String.raw`(?<!\p{L})(?:estuve|fui|llegu[ée]|entr[ée]|pas[ée] \p{L}+ \p{L}+)\s+(?:a|en|al)\s+(?:la\s+|el\s+)?(?:urgencias|emergencias|sala de emergencias|UCI|hospital|cl[íi]nica|terapia intensiva)(?!\p{L})[^.!?,;]{0,30}`,
    String.raw`\b(?:thank(?:s| you| u)|grateful)\b[^.!?]{0,30}\bfor my new (?:hip|knee|heart|kidney|liver|lungs?|shoulder|valve|hearing)\b`,
    // "Dr. Whitfield saved my life", "She took care of me in 2021", "Went to the urgent care".
    String.raw`\b(?:saved my life|(?:took|takes|taking) (?:such )?(?:good |great )?care of me|(?:treated|cared for|operated on) me)\b[^.!?,;]{0,30}`,
    String.raw`(?:^|[.!?]\s+)(?:Went|Came|Ended up)\s+(?:in)?to\s+(?:the\s+)?(?:[\w'-]+\s+){0,3}?(?:ER|ED|emergency room|urgent care|hospital|clinic)\b[^.!?,;]{0,30}`,
  ].join('|'),
  'giu',
);
// A relative of the speaker under care: "my son was in the same PICU", "lo internaron".
const RELATIVE_IN_CARE = new RegExp(
  [
    String.raw`\bmy\s+(?:son|daughter|mom|mother|dad|father|husband|wife|uncle|aunt|brother|sister|grandma|grandpa|grandmother|grandfather|niece|nephew|cousin|baby|kid|child|partner)\s+(?:was|is|has been|had|got|went|came|spent|just)\b[^.!?]{0,60}`,
    String.raw`\bmy\s+(?:son|daughter|mom|mother|dad|father|husband|wife|uncle|aunt|brother|sister|grandma|grandpa|baby|kid|child|partner)['’]s\s+(?:[\w-]+\s+)?(?:results|records|visit|surgery|appointment|meds|medications|chart|diagnosis|treatment|scans?|labs|bills?|discharge|admission)\b[^.!?,;]{0,30}`,
    String.raw`(?<!\p{L})(?:llev(?:aba|[ée]|amos)|traje|trajimos)\s+a\s+mi\s+\p{L}+\s+(?:a|al)\s+(?:urgencias|emergencias|hospital|la cl[íi]nica|consulta|su cita)(?!\p{L})[^.!?,;]{0,30}`,
    String.raw`(?<!\p{L})mi\s+(?:hij[oa]|mam[áa]|madre|pap[áa]|padre|espos[oa]|t[íi][oa]|herman[oa]|abuel[oa]|beb[ée]|sobrin[oa]|prim[oa])\s+(?:est[áa]|estuvo|fue|tuvo|lleva|sigue|ingres[óo])(?!\p{L})[^.!?]{0,60}`,
    String.raw`(?<!\p{L})cuando (?:lo|la|le) (?:internaron|operaron|ingresaron|atendieron)(?!\p{L})`,
    String.raw`\bwhile my (?:son|daughter|mom|mother|dad|father|husband|wife|baby|child|kid) was (?:in|having|getting)\b[^.!?,]{0,30}`,
    String.raw`\b(?:I['’]m|I am|I was|I['’]ve been|(?:she|he|my \w+) is|(?:she|he|my \w+) was)\s+(?:a |an )?(?:patient|inpatient|outpatient)\s+(?:at|there|here|in|on)\b[^.!?,]{0,30}`,
    String.raw`\b(?:he|she|they|my \w+) (?:was|were|got) (?:brought in|rushed in|admitted|taken to|transferred to|airlifted)\b[^.!?,]{0,30}`,
    String.raw`(?<!\p{L})(?:la|el) (?:consulta|cita|cirug[íi]a|ambulancia|operaci[óo]n|alta|ingreso|internamiento)(?: de urgencias)? de mi (?:hij[oa]|mam[áa]|madre|pap[áa]|padre|espos[oa]|marido|t[íi][oa]|herman[oa]|abuel[oa]|beb[ée])(?!\p{L})`,
    String.raw`(?<!\p{L})(?:le|me) (?:dieron|negaron) (?:el alta|la cirug[íi]a|la cita)(?!\p{L})[^.!?,]{0,30}`,
    String.raw`(?<!\p{L})mientras (?:(?:lo|la|le|me) )?atend[íi]an(?!\p{L})[^.!?,]{0,30}`,
  ].join('|'),
  'giu',
);

const WHERE_CARE_IS =
  /\b(?:there|here|on the (?:transplant |waiting )?list)\b|(?<!\p{L})(?:ah[íi]|aqu[íi]|en la lista)(?!\p{L})/iu;
// Phrases that are about care in themselves, whatever the clinical vocabulary around them.
const CARE_VERB =
  /internaron|operaron|ingresaron|atend|patient|brought in|rushed in|admitted|taken to|transferred|airlifted|consulta|cita|cirug|ambulancia|alta|ingreso|internamiento|results|records|visit|appointment|meds|chart|diagnosis|treatment|scan|labs|bill|discharge|admission|urgencias|emergencias|hospital|cl[íi]nica/i;

/**
 * A speaker telling of their own care or a relative's (captions of patients, stories in their own
 * words, replies quoted in a post): each such clause is a patient confirming care.
 */
export function detectSelfDisclosures(doc: ScanDocument): PhiFinding[] {
  const findings: PhiFinding[] = [];
  for (const m of doc.text.matchAll(OWN_CARE)) {
    findings.push(
      doc.finding(
        'care_mention',
        'block',
        span(m),
        'The speaker describes their own care, which makes them an identifiable patient.',
      ),
    );
  }
  for (const m of doc.text.matchAll(RELATIVE_IN_CARE)) {
    // "my uncle is on the list there now" after "42 heart transplants": there is where care is.
    const there = WHERE_CARE_IS.test(m[0]) && STRONG_CLINICAL.test(doc.prose());
    if (!STRONG_CLINICAL.test(m[0]) && !CARE_VERB.test(m[0]) && !there) continue;
    findings.push(
      doc.finding(
        'patient_confirmation',
        'block',
        span(m),
        "Tells of a relative's care, which confirms they are a patient.",
      ),
    );
  }
  return findings;
}

const span = (m: RegExpMatchArray) => ({
  start: m.index!,
  end: m.index! + m[0].trimEnd().length,
});
