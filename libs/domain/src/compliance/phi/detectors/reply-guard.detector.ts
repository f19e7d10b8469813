import type { FindingSeverity, PhiFinding, PhiKind } from '../phi-finding';
import type { ScanDocument } from '../scan-document';

interface GuardRule {
  kind: PhiKind;
  severity: FindingSeverity;
  pattern: RegExp;
  reason: string;
}

const CLAUSE = String.raw`[^.!?,;—]{0,40}`;
const PROCEDURE = String.raw`\w+(?:ectomy|otomy|ostomy|plasty|oscopy)`;
const YOUR_CARE = String.raw`${PROCEDURE}|stay|visit|admission|discharge|appointments?|procedure|surgery|operation|treatment|test results?|lab results|results|scan|x-rays?|MRI|bills?|billing|statement|chart|records|patient account|patient portal|encounter|case(?: number)?|member ID|policy(?: number)?|insurance(?: card)?|room|bed|wallet|belongings|hearing aid|glasses|dentures|medications?|nurses?|care team|delivery(?: day)?|hospitali[sz]ation|follow-up|recovery|surgery recovery|time (?:with us|here|in our|at our)|experience (?:with us|here|in our|at our)`;
const RELATIVE = String.raw`father|mother|mom|dad|husband|wife|son|daughter|child|baby|parent|grandmother|grandfather|grandma|grandpa|brother|sister|partner|loved one`;
// Devices and supplies a patient goes home with: "your inhaler", "the new walker", "that oxygen".
const DEVICE = String.raw`walker|wheelchair|CPAP|BiPAP|oxygen(?: concentrator)?|inhaler|cast|brace|boot|sling|crutches|hearing aids?|insulin(?: pump)?|pump|implant|dressings?|catheter|port|feeding tube|nebulizer`;
const CONDITION = String.raw`${PROCEDURE}|diagnosis|condition|symptoms|pain|injury|accident|illness|cancer|chemo\w*|radiation|treatments?|medications?|meds|prescriptions?|antibiotics|therapy|rehab|healing|pregnancy|c-section|infection|fracture|fall|crash|(?:[\w-]+ )?(?:repair|replacement|reconstruction)|dialysis|infusions?|wound|stitches|${DEVICE}`;
const BODY = String.raw`knee|hip|shoulder|heart|back|leg|arm|ankle|wrist|lungs?|kidney|liver|eye|valve|pacemaker|stent|cast|stitches|incision|scar`;

const CLAUSE_ES = String.raw`[^.!?,;—]{0,40}`;
const SU_CUIDADO = String.raw`estancia|estad[íi]a|visita|cita|cirug[íi]a|operaci[óo]n|tratamiento|hospitalizaci[óo]n|alta|parto|resultados|expediente|recuperaci[óo]n|procedimiento|factura|tiempo (?:con nosotros|aqu[íi])|ultrasonido|an[áa]lisis|resonancia|habitaci[óo]n|cuarto|cama|fallecimiento`;
// What a relative went through here, said of "su mamá" ("la espera de su madre"); said of the reader
// alone these are customer service ("su caso", "su consulta", "consulte a su médico").
const SU_PARIENTE_CUIDADO = String.raw`${SU_CUIDADO}|estudios?|consulta|terapia|sesi[óo]n|caso|traslado|espera|atenci[óo]n|trabajadora social|m[ée]dic[oa]|enfermer[oa]|p[ée]rdida`;
const PARIENTE = String.raw`pap[áa]|mam[áa]|padre|madre|esposo|esposa|hij[oa]|beb[ée]|abuel[oa]|herman[oa]`;
const CONDICION = String.raw`cirug[íi]a|operaci[óo]n|diagn[óo]stico|tratamiento|quimio(?:terapia)?|fractura|c[áa]ncer|medicamentos?|terapia|rehabilitaci[óo]n|infecci[óo]n|dolor|lesi[óo]n|herida|curaci[óo]n(?:es)?|yeso|f[ée]rula|di[áa]lisis|inhalador|ox[íi]geno|insulina|pr[óo]xima cita(?: de \p{L}+)?|fisioterapeuta|fisioterapia|rodilla|cadera`;
// A care team, unit or clinician as the subject: "our PT team", "the whole 4th floor", "tus enfermeras".
// A whole organization ("todo nuestro equipo", "our team") sending a hug is not a care team: a team
// or staff needs what it cares with ("our PT team", "el equipo de pediatría", "the 5 North crew").
const CARE_GROUP = String.raw`floor|unit|nurses|therapists?|lab|enfermer[oa]s|fisioterapeutas?|terapeutas?|doctor(?:a|es)?|m[ée]dicos?|piso|unidad`;
const CARE_TEAM = String.raw`(?:(?:our|the|your|todo el|toda la|nuestr[oa]s?|tus?|sus?|el|la|los|las)\s+)(?:(?:(?:whole|entire|\w+)\s+){0,3}(?:${CARE_GROUP})|(?:(?!whole\b|entire\b)[\wº]+\s+){1,3}(?:team|crew|staff|equipo|personal)|(?:team|crew|staff|equipo|personal)\s+(?:of|de|del)\s+(?:la\s+|el\s+)?[\p{L}º\d]+)`;
// The one that team speaks to or about: "misses his jokes", "says you're", "le manda", "te extrañan".
const TO_READER = String.raw`(?:(?:[\p{L}º]+\s+){0,4}?)(?:(?:miss(?:es)?|loved?|says?|said|talks? about|remembers?|sends?|te|le|les|dice)\b[^.!?]{0,40}?(?:\byou(?:r|'re)?\b|\bhis\b|\bher\b|\bthem\b|(?<!\p{L})(?:te|le|les|usted|extra[ñn]an?|abrazo)(?!\p{L}))|(?:is|are) (?:so |very )?proud|est[áa]n? (?:muy |tan )?orgullos[oa]s?)`;

const RULES_ES: GuardRule[] = [
  {
    kind: 'patient_confirmation',
    severity: 'block',
    pattern: new RegExp(
      [
        String.raw`(?:despu[ée]s de |durante |desde )?(?:su|tu) (?:(?:[úu]ltima|pr[óo]xima|primera|siguiente|nueva) )?(?:${SU_CUIDADO})(?![\p{L}])${CLAUSE_ES}`,
        String.raw`(?:un |fue un )?(?:privilegio|honor|gusto|placer) (?:de )?(?:haberl[oa]s? )?(?:atender|cuidar|acompa[ñn]ar|tener)\p{L}*${CLAUSE_ES}`,
        String.raw`(?:extra[ñn]a(?:n|mos)|recordamos|echamos de menos)(?: mucho)? a (?:tu|su) (?:${PARIENTE})(?![\p{L}])${CLAUSE_ES}`,
        String.raw`(?:su|tu) (?:${PARIENTE}) ya (?:est[ée]|est[áa]) en casa${CLAUSE_ES}`,
        String.raw`ya (?:est[ée]|est[áa]) en casa (?:despu[ée]s de|tras)`,
        String.raw`cuando (?:estuvo|estuviste|estuvieron) (?:aqu[íi]|con nosotros|en nuestr[oa])${CLAUSE_ES}`,
        String.raw`nuestr[oa] (?:equipo|personal|enfermer[oa]s?) (?:le |te )?(?:atendi[óo]|cuid[óo]|trat[óo])${CLAUSE_ES}`,
        String.raw`(?:seg[úu]n|en) nuestros registros${CLAUSE_ES}`,
        String.raw`${CARE_TEAM}\s+${TO_READER}${CLAUSE_ES}`,
        String.raw`(?:el|la|los|las) (?:${SU_PARIENTE_CUIDADO}|estado de cuenta|cuenta|cita|citas) de (?:su|tu) (?:${PARIENTE})(?![\p{L}])`,
        String.raw`(?:ya )?actualizamos (?:su|tu) (?:registro|expediente|cuenta)`,
        // "tu tía fue trasladada a terapia intensiva", "te internamos en la sala 4B".
        String.raw`(?:su|tu) (?:${PARIENTE}|t[íi][oa]|prim[oa]|suegr[oa]|niet[oa]|sobrin[oa]) (?:ya )?(?:fue|est[áa]|sigue) (?:trasladad|internad|ingresad|operad|atendid|hospitalizad|intubad)[oa]${CLAUSE_ES}`,
        String.raw`(?<!\p{L})(?:te|lo|la|le) (?:internamos|atendimos|operamos|trasladamos|atendieron|internaron|operaron|trasladaron)(?!\p{L})${CLAUSE_ES}`,
      ].join('|'),
      'giu',
    ),
    reason: 'Confirms that the person or their relative is or was a patient here.',
  },
  {
    kind: 'care_mention',
    severity: 'block',
    pattern: new RegExp(
      [
        String.raw`(?:su|tu|sus|tus) (?:${CONDICION})(?: de (?:\p{L}+))?(?![\p{L}])${CLAUSE_ES}`,
        String.raw`(?:esa|esta|la|el) (?:${CONDICION})(?: operad[oa]| de (?:su|tu) (?:${PARIENTE}))(?![\p{L}])${CLAUSE_ES}`,
        String.raw`(?:ya )?(?:le|te) (?:quitaron|pusieron|operaron|hicieron|cambiaron|dieron de alta)(?![\p{L}])${CLAUSE_ES}`,
      ].join('|'),
      'giu',
    ),
    reason: "Mentions the person's condition or treatment in public.",
  },
  {
    kind: 'care_mention',
    severity: 'warn',
    pattern:
      /(?:que se mejore\w*|pronta recuperaci[óo]n|que siga mejorando|mej[óo]rate|buenos deseos|le (?:mandamos|enviamos) (?:muchos )?abrazos)/giu,
    reason:
      'Wishes the person well in a way that acknowledges they are unwell; keep replies general.',
  },
];

const RULES_EN: GuardRule[] = [
  {
    kind: 'patient_confirmation',
    severity: 'block',
    pattern: new RegExp(
      String.raw`(?<!\b(?:next|upcoming|future|first|schedule|book|plan|prepare for|before)\s+)\byour\s+(?!(?:next|upcoming|future|first|annual|own)\b)(?:[\w'-]+\s+){0,3}?(?:${YOUR_CARE})\b${CLAUSE}`,
      'gi',
    ),
    reason: "Refers to the person's own visit or care, which confirms they are a patient.",
  },
  {
    kind: 'patient_confirmation',
    severity: 'block',
    pattern: new RegExp(
      String.raw`\byour (?:${RELATIVE})['’]s (?:[\w-]+ )?(?:${YOUR_CARE}|account|portal|care|condition|diagnosis)\b${CLAUSE}`,
      'gi',
    ),
    reason: "Refers to a family member's care, which confirms they are a patient.",
  },
  {
    kind: 'patient_confirmation',
    severity: 'block',
    pattern: new RegExp(
      [
        String.raw`\bthank(?:s| you) for (?:choosing|trusting) us\b${CLAUSE}`,
        String.raw`\b(?:our|the)\s+[\w\s]{0,30}?team\s+(?:could help|helped|took (?:good |great )?care of|cared for|treated|saw)\s+you\b${CLAUSE}`,
        String.raw`\b(?:we|our \w+) (?:treated|cared for|took care of|saw|helped) you\b`,
        String.raw`\b(?:our )?records (?:show|indicate)\b${CLAUSE}`,
        String.raw`\baccording to our records\b`,
        String.raw`\bwhen you were (?:here|with us|in|admitted|a patient|on|at)\b${CLAUSE}`,
        String.raw`\byou were (?:one of our|our|a) (?:\w+ )?patients?\b`,
        String.raw`\byou were (?:here|admitted|discharged|seen|treated)\b`,
        String.raw`\bpart of your (?:delivery|birth|care|journey|recovery|treatment)\b${CLAUSE}`,
        String.raw`\b(?:the|your) (?:wait|time|stay|experience|visit) (?:in|at) our (?:ED|ER|emergency|ICU|clinic|unit|hospital|office)\b${CLAUSE}`,
        String.raw`\bsince your (?:surgery|discharge|procedure|visit|stay|treatment)\b`,
        String.raw`\byou(?:r (?:${RELATIVE}))? (?:had|were|was|waited|spent|came|got|went)\b[^.!?]{0,40}\b(?:in|at) our (?:ER|ED|emergency|ICU|NICU|clinic|unit|hospital|floor)\b${CLAUSE}`,
        String.raw`\b(?:nurses|team|staff|doctors|crew|unit)\b[^.!?]{0,25}\b(?:miss(?:es)? you|remember(?:s)? you|loved having you|enjoyed caring for you)\b`,
        String.raw`\bglad (?:you(?:'re| are)|ur|u r|to see you) (?:home|out of the hospital|feeling better|recovering|doing better|walking again|back on your feet)\b${CLAUSE}`,
        String.raw`\b(?:treat(?:ing|ed|s)|car(?:ing|ed) for|took care of|taking care of) you\b${CLAUSE}`,
        String.raw`\b${CARE_TEAM}\s+(?:still\s+)?${TO_READER}${CLAUSE}`,
        String.raw`\bwe (?:miss(?:ed)? you|loved having you|loved caring for you|enjoyed having you)\b${CLAUSE}`,
        String.raw`\b(?:after|since|when|before|until) (?:he|she|they|you) (?:was |were |got )?(?:discharged|admitted|went home|came home|left the hospital|was sent home)\b`,
        String.raw`\b(?:made it|got|went|came|headed|back) home\b[^.!?]{0,30}\bfrom (?:the|our) [\w ]{0,30}?(?:unit|ICU|NICU|PICU|floor|hospital|ER|ED|ward)\b`,
        String.raw`\b(?:during|after|since) (?:his|her|their) (?:${YOUR_CARE})\b${CLAUSE}`,
        String.raw`\b(?:a joy|a pleasure|an honor|an honour|a privilege|a delight) to (?:care for|have|treat)\b${CLAUSE}`,
        String.raw`\byour (?:${RELATIVE})\b[^.!?]{0,60}?\b(?:in|on|at|from|after|since) (?:the|our|his|her|their) (?:[\w-]+ ){0,3}?(?:unit|ICU|NICU|PICU|CCU|lab|floor|ER|ED|clinic|hospital|ward|OR|surgery|procedure|stay|visit|admission|discharge|transplant|TAVR|${PROCEDURE})\b${CLAUSE}`,
        String.raw`\b(?:our|the) [\w ]{0,30}?(?:nurses|team|staff|crew|doctors|therapists|surgeons?)\b[^.!?]{0,20}\b(?:will|would|['’]ll) (?:call|check on|see|visit|follow up with) (?:you|him|her|them)\b${CLAUSE}`,
        String.raw`\b(?:miss(?:ing)? seeing you|loved (?:having|seeing) you|graduating from (?:PT|OT|rehab|physical therapy|cardiac rehab|pulmonary rehab|therapy|the NICU))\b${CLAUSE}`,
        String.raw`\b(?:celebrat\w+|spen[dt]\w*) (?:your|his|her|their) [\w ]{0,25}?\b(?:on|in|at) our (?:unit|floor|ICU|NICU|PICU|hospital|ward)\b`,
      ].join('|'),
      'gi',
    ),
    reason: 'Confirms that the person is or was a patient here.',
  },
  {
    kind: 'care_mention',
    severity: 'block',
    pattern: new RegExp(
      [
        // "the new knee", "your hip is healing" — not "take care of your heart".
        String.raw`\b(?:your|the) new (?:${BODY})\b${CLAUSE}`,
        String.raw`\byour (?:${BODY}) (?:is|are|has|feels?|feeling|looks?|healing|doing|surgery|replacement|repair)\b${CLAUSE}`,
        String.raw`\byour (?:${CONDITION})\b${CLAUSE}`,
        String.raw`\b(?:the|those|these|that|this) (?:new )?(?:antibiotics|meds|medications?|stitches|chemo|treatments?|infusions?|${DEVICE})\b${CLAUSE}`,
        String.raw`\byour (?:${RELATIVE})['’]s (?:${CONDITION})\b${CLAUSE}`,
        String.raw`\byou were in (?:a lot of |so much |)pain\b`,
      ].join('|'),
      'gi',
    ),
    reason: "Mentions the person's condition or treatment in public.",
  },
  {
    kind: 'care_mention',
    severity: 'warn',
    pattern:
      /\b(?:feel better(?: soon)?|get well(?: soon)?|speedy recovery|sending (?:healing|get-well) \w+(?: your way)?|healing (?:vibes|thoughts|prayers)(?: your way)?|you(?:'re| are) (?:feeling|doing) better)/gi,
    reason:
      'Wishes the person well in a way that acknowledges they are unwell; keep replies general.',
  },
];

const RULES = [...RULES_EN, ...RULES_ES];

// "Please don't post details of your chart": advice about privacy, not a disclosure.
const WARNED_AGAINST =
  /(?:\b(?:don['’]t|do not|never|no|nunca)\s+(?:\w+\s+)?(?:post|share|publish|include|publique|publiques|comparta|compartas|incluya|incluyas|publicar|compartir)\w*\b[^.!?]*)$/i;

const careTests = (rules: GuardRule[]) =>
  rules
    .filter((r) => r.severity === 'block')
    .map((r) => new RegExp(r.pattern.source, r.pattern.flags.replace('g', '')));
const CARE_TESTS = { en: careTests(RULES_EN), es: careTests(RULES) };

/** True when the text tells the reader something about their own care ("since your fall"). */
export function speaksAboutCare(prose: string, lang: 'en' | 'es'): boolean {
  return CARE_TESTS[lang].some((test) => test.test(prose));
}

/** Replies to the public must not confirm someone is a patient or discuss their care. */
export function detectReplyDisclosures(doc: ScanDocument): PhiFinding[] {
  const findings: PhiFinding[] = [];
  for (const { kind, severity, pattern, reason } of doc.lang === 'es' ? RULES : RULES_EN) {
    for (const m of doc.text.matchAll(pattern)) {
      if (WARNED_AGAINST.test(doc.text.slice(Math.max(0, m.index - 40), m.index))) continue;
      const text = m[0].trimEnd();
      findings.push(
        doc.finding(kind, severity, { start: m.index, end: m.index + text.length }, reason),
      );
    }
  }
  return findings;
}
