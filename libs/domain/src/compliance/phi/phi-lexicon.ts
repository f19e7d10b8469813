// Cue vocabularies shared by the detectors, in English and Spanish. Every regex is compiled once,
// at module load.

import { CLINICAL_ACRONYM, CLINICAL_CONDITION_SOURCE, es } from './clinical-terms';

/** Conditions, devices and therapies a person lives with or is treated with. */
const CONDITIONS_EN = String.raw`diabetes|T1D|asthma|epilep\w*|seizures?|autism|dementia|Alzheimer['’]?s|Parkinson['’]?s|ALS|sickle cell|cystic fibrosis|Down syndrome|hearing loss|deaf|anorexia|bulimia|depression|concussion|burns?|wound|stitches|cast|brace|crutches|CPAP|oxygen|inhaler|insulin(?: pump)?|(?:cochlear )?implants?|prosthe\w*|feeding tube|physical therapy|physio(?:therapy)?|occupational therapy|speech therapy|cardiac rehab|AED|ICD|defibrillator|ambulance|paramedics|life[- ]?flight|code blue|cancer[- ]free|in remission|remission|relapse|NICU grad\w*`;
const CONDITIONS_ES = String.raw`diabetes|asma|epilepsia|convulsi[óo]n|autismo|demencia|alzh[ée]imer|p[áa]rkinson|embarazo|quemadura|herid[oa]|curaci[óo]n|yeso|f[ée]rula|muletas|ox[íi]geno|inhalador|insulina|implante|pr[óo]tesis|fisioterapia|fisioterapeuta|terapia|ambulancia|param[ée]dicos|remisi[óo]n|libre de c[áa]ncer|nacimiento|reci[ée]n nacid[oa]|reanimad[oa]|reanimaron|lesi[óo]n|accidente|graduaci[óo]n de la UCIN`;

// Words of care, read without regard to case (acronyms, in capitals only, are tested apart).
const STRONG_CLINICAL_WORDS = new RegExp(
  String.raw`\b(?:admit(?:ted|s)?|admission|discharg\w*|diagnos\w*|surger(?:y|ies)|operation|operated|post-op|pre-auth|chemo\w*|radiation|transplant\w*|dialysis|pacemaker|bypass|stent|intubat\w*|extubat\w*|trach|ventilator|ICU|NICU|PICU|CCU|step-down unit|burn unit|trauma (?:unit|bay)|in (?:stable|critical|serious|fair|good) condition|recover(?:ing|ed|s|y)|rehab|treat(?:ed|ment)|cancer|leukemia|lymphoma|tumou?r|neuroblastoma|stroke|cardiac arrest|heart attack|pneumonia|sepsis|infection|COVID|vaccine|fracture|broken (?:hip|leg|arm|wrist|ankle|bone)|spinal cord|injur(?:y|ies|ed)|hurt|crash|collapsed|near-drowning|pregnan\w*|birthing|born|delivery|labor and delivery|newborn|preemie|get well|feel better|speedy recovery|passed away|died|hospice unit|(?<!(?:conference|meeting|class|board|community|training) )(?:room|bed|bay) \d+[A-Z]?|heart (?:surgery|transplant|defect|warrior)|ACL|replacement|reconstruction|revision|amputat\w*|cataract|(?:eating|substance use|bipolar|panic) disorders?|overdos\w*|detox|psychiatric|psych unit|suicid\w*|addiction|\w+(?:ectomy|otomy|ostomy|plasty|oscopy)|PT|CHF|COPD|CABG|biopsy|fighting|battling|surviv(?:ing|ed)|rang the bell|went home|heading home|going home|welcome to the world|cared for (?:him|her|them)|caring for|saved (?:his|her|their|my) life|(?:his|her|their) stay|stay (?:on|in) our|saving \S+ life|scheduled for (?:his|her|their)|pneumonia|Rx|prescription|pharmacy|trasplante|cirug[ií]a|hospitalizad[oa]|sali[oó] (?:hoy )?del hospital|after \d+ (?:days|weeks|months) (?:in|with us|at)|${CONDITIONS_EN})\b|${es(CONDITIONS_ES)}|${es(
    String.raw`ingres[óo]|ingresad[oa]|internad[oa]|hospitalizaci[óo]n|dad[oa] de alta|alta m[ée]dica|(?:le |la |lo |me )?operaron|operad[oa]|operaci[óo]n|cirug[íi]as?|quimio(?:terapia)?|radioterapia|trasplantes?|di[áa]lisis|marcapasos|diagn[óo]stic\w+|c[áa]ncer|leucemia|tumor|derrame|infarto|fractura|neumon[íi]a|UCI|UCIN|terapia intensiva|cuidados intensivos|recuperaci[óo]n|se recupera\w*|rehabilitaci[óo]n|tratamiento|naci[óo]|parto|ces[áa]rea|prematur[oa]|falleci[óo]|muri[óo]|(?:habitaci[óo]n|cama|cuarto) \d+|sali[óo] del hospital|volvi[óo] a casa|ya est[áa] en casa|venci[óo]|luch(?:a|ando|[óo]) contra`,
  )}|${CLINICAL_CONDITION_SOURCE}`,
  'iu',
);
const CLINICAL_ACRONYM_TEST = new RegExp(CLINICAL_ACRONYM.source, 'u');

/** Something happened to a person's body or they are/were under care: names next to it are patients. */
export const STRONG_CLINICAL = {
  source: STRONG_CLINICAL_WORDS.source,
  test: (text: string): boolean =>
    STRONG_CLINICAL_WORDS.test(text) || CLINICAL_ACRONYM_TEST.test(text),
};

/** Clinical setting without a statement of care: a weaker signal. */
export const WEAK_CLINICAL = new RegExp(
  String.raw`\b(?:ER|ED|emergency|hospital|clinic|nurses?|doctors?|oncology|cardiology|cardiac|heart|care|unit|floor|ward|medical|pediatric|infusion|stay|patients?|health|healing|sick|ill|pain|surgeon)\b|${es(
    String.raw`urgencias|cl[íi]nica|enfermer[oa]s?|m[ée]dic[oa]s?|unidad|piso|pacientes?|salud|maternidad|geriatr[íi]a|pediatr[íi]a|oncolog[íi]a|cardiolog[íi]a|estancia|dolor|enferm[oa]`,
  )}`,
  'iu',
);

/** Roles of staff, donors, visitors and public figures: the name after (or before) one is theirs. */
const NON_PATIENT_ROLE = String.raw`neurologists?|surgeons?|cardiologists?|oncologists?|pulmonologists?|physicians?|doctors?|dietitians?|therapists?|practitioners?|navigators?|coordinators?|nurses?|chaplains?|pharmacists?|midwi(?:fe|ves)|CEO|CFO|COO|CNO|CMO|president|director|manager|officer|chief of [\w ]+?|volunteers?|chairs?|chair(?:man|woman|person)|emcee|anchor|host|speaker|keynote|honoree|donors?|trustees?|founder|residents?|fellows?|staff|employees?|colleagues?|team members?|linebacker|quarterback|athlete|singer|author|artist|principal|mayor|senator|governor|councilm[ae]n|commissioner|judge|sheriff|chief|dean|professor|educator|instructor|RN|MD|doctora|enfermer[oa]s?|fisioterapeutas?|terapeutas?|m[ée]dic[oa]s?|nutri[óo]log[oa]s?|psic[óo]log[oa]s?|licenciad[oa]|jef[ea]|directora?|voluntari[oa]s?|donantes?|president[ae]|alcaldesa?|coordinadora?|cirujan[oa]|especialista|colega|personal|coach(?:es)?|trainers?|handlers?|entrenador(?:a|es)?|instructora?|maestr[oa]s?|teachers?|nurses? of the year`;

/** The person is staff, a donor, a visitor or a public figure being thanked ("Volunteer spotlight: Roz"). */
export const NON_PATIENT_ROLE_BEFORE = new RegExp(
  String.raw`\b(?:${NON_PATIENT_ROLE})\b[^.!?;:]{0,20}(?::\s*)?$`,
  'i',
);

export const NON_PATIENT_ROLE_WORD = new RegExp(String.raw`\b(?:${NON_PATIENT_ROLE})\b`, 'i');

/** An apposition giving the role: "Don Ángel Ramos, presidente de la Fundación", "Ana Ruiz, our CNO". */
export const NON_PATIENT_ROLE_AFTER = new RegExp(
  String.raw`^,\s*(?:(?:el|la|our|the|nuestr[oa]|su|their|a|an|un|una)\s+)?(?:(?:longtime|new|former|retired|head|lead|senior|jef[ea] de)\s+)?(?:${NON_PATIENT_ROLE})\b(?!\s*#?\d)`,
  'i',
);

/** Credentials after a name: "Maria Lopez, RN". */
export const CREDENTIAL_AFTER =
  /^,?\s*(?:MD|M\.D\.|DO|D\.O\.|RN|NP|PA-C|PhD|FACC|FACS|FACOG|FAAP|RD|LPN|CNM|MSN|BSN|PharmD|DPT|LCSW|DNP|CRNA|APRN|CNO|CEO)\b/;

/** Predicates of staff, donors, visitors and speakers right after the name. */
export const NON_PATIENT_PREDICATE = new RegExp(
  String.raw`^(?:['’]s)?[,\s]*(?:\([^)]*\)\s*)?(?:who\s+|and\s+\w+\s+)?(?:has\s+|have\s+|had\s+|will\s+|is\s+|was\s+|are\s+|were\s+|now\s+)*(?:been\s+)?(?:joins?|joined|leads?|led|named|honored|recognized|visit(?:s|ed|ing)?|for visiting|to visit|to tour|tour(?:s|ed)?|speak(?:s|ing)?|spoke|perform(?:s|ed)|explains?|answers?|walks? through|retir(?:ed|es|ing)|volunteer(?:s|ed|ing)?|founded|served|serves|works?|worked|donat(?:ed|es|ing)|gave|given|sponsor(?:s|ed|ing)?|represent(?:s|ed|ing)|host(?:s|ed|ing)|presents?|signing|signed|accepting new|seeing patients|with us since|for (?:representing|partnering|hosting|donating|sponsoring|leading|joining|volunteering|your|his|her|their) )`,
  'i',
);

/** Event billing: a celebrity speaker who is a cancer survivor is not our patient. */
export const EVENT_ROLE =
  /\b(?:guest speaker|keynote|speaker|emcee|panelist|honoree|medalist|olympian|champion|celebrity|author|actor|actress|singer|musician|grand marshal)\b/i;

/** Thanked for what they did for us: volunteering, visiting, donating. */
export const THANKED_FOR =
  /\bpor (?:visitar|donar|su donativo|su donaci|patrocinar|organizar|apoyar|compartir|ser voluntari)|\bfor (?:volunteering|visiting|donating|sponsoring|hosting|representing|partnering|joining|leading|supporting|organizing|coaching|performing|speaking|reading to|bringing|cooking|knitting|sewing|making)\b/i;

/** "partner with @Team": an organization, not a person. */
export const PARTNER_BEFORE =
  /\b(?:partner(?:s|ing|ed)?(?: up)? with|in partnership with|sponsored by|presented by|hosted by|teamed up with|our (?:friends|partners) at)\s*$/i;

/** The person is who the giving is for: "donate to help the Kowalczyk family", "in Ava's name". */
export const BENEFICIARY_BEFORE =
  /\b(?:help|helping|support|supporting|benefit|benefiting|for|in honor of|in memory of|on behalf of)\b[^.!?]{0,12}$/i;
export const BENEFICIARY_AFTER = /^['’]s (?:name|honor|memory|behalf|fund|care)/i;

/** Gifts and fundraising: names here are donors even next to a cancer center. */
export const DONOR_CONTEXT =
  /\b(?:gift|donat\w*|donors?|philanthrop\w*|endow\w*|pledge\w*|generosity|sponsor\w*|given \$|raised \$|cheque|check for \$|donativo|donaci|don[oó] |donante|patrocin\w*|generosidad)/i;

/** A patient word just before the name: "our patient Lily", "longtime patient Ida Brennan". */
export const PATIENT_WORD_BEFORE = /\b(?:patient|pt|paciente)\b[^.!?;:]{0,12}$/i;

/** A relative of the speaker or of the reader: "my husband Ramiro", "su hija Ana". */
export const RELATIVE_BEFORE =
  /\b(?:my|our|your|his|her|mi|nuestr[oa]|su)\s+(?:husband|wife|son|daughter|mom|dad|mother|father|baby|grandson|granddaughter|esposo|esposa|marido|hij[oa]|mam[aá]|pap[aá]|madre|padre|beb[eé]|niet[oa]|abuel[oa]|suegr[oa]|cuñad[oa]|herman[oa]|t[íi][oa]|prim[oa]|uncle|aunt|sister|brother|cousin|grandma|grandpa|grandmother|grandfather|father-in-law|mother-in-law)\s*(?:,\s*|\(\s*)?$/iu;

/** Apposition naming the person a patient: "Henry Liu, our 10,000th cataract surgery patient". */
export const PATIENT_APPOSITION =
  /^(?:['’]s)?,\s*(?:\d{1,3},\s*)?(?:our|a|the|his|her)\s[^,.!?]{0,40}?\b(?:patient|warrior|fighter|survivor|preemie|grad(?:uate)?)\b/i;

/** Birth context, for "mom Rachel" in a birth announcement. */
export const BIRTH_CONTEXT =
  /\b(?:born|birth|baby|babies|deliver\w*|arriv\w*|pregnan\w*|due|newborn|labor|naci\w*|parto|beb[eé]|embaraz\w*)/i;

/** A person is being talked about (for dates and ages tied to an individual). */
export const PERSON_REFERENCE =
  /\b(?:he|she|him|her|his|hers|patient|pt|man|woman|boy|girl|baby|infant|child|kid|teen|mom|mother|dad|father|son|daughter|wife|husband|twins?|veteran|resident|grandpa|grandma|me|my|ella|paciente|hij[oa]s?|esposo|esposa|bebe|ni[ñn][oa]|se[ñn]ora?|mi|yo|papa|mama|abuel[oa])\b|\bI\b|(?<!\p{L})(?:él|bebé|papá|mamá)(?!\p{L})/iu;

/** In a reply, the reader is the person. */
export const SECOND_PERSON = /\b(?:you|your|yours)\b/i;
