// What happens to a body under care, in English and Spanish: conditions, injuries, procedures,
// tests and the devices a patient lives with. Regex sources, compiled by phi-lexicon and the
// care-mention detector. Word families are written by their medical morphology (a suffix, a body
// part before a procedure) so that a term nobody listed is still read as clinical.

/** Spanish words end in letters `\b` does not see (é, ó): bound them by letters instead. */
export const es = (words: string) => String.raw`(?<!\p{L})(?:${words})(?:e?s)?(?!\p{L})`;

const BODY_EN = String.raw`hip|knee|shoulder|heart|lungs?|kidney|liver|pancreas|valve|brain|spine|spinal|back|neck|ankle|wrist|elbow|foot|hand|jaw|eye|ear|ACL|MCL|meniscus|rotator cuff|gallbladder|appendix|tonsils?|bowel|colon|breast|prostate|thyroid|skull|pelvis|femur|growth plate|heel|skin|bone marrow|cornea|retina|aortic|mitral|hernia|cleft (?:palate|lip)`;
const EVENT_EN = String.raw`surger(?:y|ies)|replacement|repair|repaired|transplant|fracture|fx|injury|reconstruction|resection|removal|biopsy|infection|defect|failure|disease|cancer|tumou?r|bleed|procedure|operation|scan|x-?rays?|MRI|implant|healed|healing`;

/** Illnesses and injuries a person has or had. */
const CONDITIONS_EN = [
  // Medical morphology: inflammations, removals, repairs, scopes, growths, blood and nerve disorders.
  String.raw`\w+(?:itis|ectomy|ectomies|ostomy|plasty|oscopy|oscopies)`,
  String.raw`\w*(?:carcin|melan|lymph|sarc|gli|myel|blast|hemat|fibr|aden|meningi|neur|astrocyt)omas?`,
  String.raw`(?:an|leuk|sept|isch|hypoglyc|hyperglyc|hyperkal|hyponatr)emia|\w+osis(?<!diagnosis|prognosis|hypnosis|dosis)|\w+opathy|(?:hemi|para|quadri|tetra)plegi[ac]`,
  String.raw`(?:${BODY_EN})\s+(?:${EVENT_EN})`,
  String.raw`stage\s+(?:[1-4]|I{1,3}V?|IV)[AB]?\s+\w+(?:\s+cancer)?`,
  String.raw`pneumonia|bronchiolitis|the flu|influenza|COVID(?:-19)?|sepsis|jaundice|dehydrat\w+|lupus|hepatitis|tuberculosis|measles|meningitis|shingles|strep throat|urinary tract infection|kidney stones?|gallstones?|hernia|cataracts?|glaucoma|migraines?|vertigo`,
  String.raw`seizures?|strokes?|heart attack|cardiac arrest|atrial fibrillation|arrhythmia|heart failure|embolism|blood clots?|aneurysm|chest pains?|collapsed|fainted|passed out|coded`,
  String.raw`diabet(?:es|ic)|type [12] diabet\w+|hypertension|high blood pressure|obesity|kidney failure|renal failure|cirrhosis|Crohn['’]?s|colitis|celiac|cystic fibrosis|sickle cell|hemophilia|spina bifida|cerebral palsy|muscular dystrophy|scoliosis|clubfoot|autism|dyslexia|Down syndrome|dementia|Alzheimer['’]?s|Parkinson['’]?s|MS flare|multiple sclerosis`,
  String.raw`depression|anxiety disorder|bipolar|schizophreni\w+|eating disorders?|anorexia|bulimia|overdos\w+|addiction|substance use|withdrawal|psych (?:eval\w*|ward|unit|hold|admission)|suicid\w+|self-harm|mental health crisis`,
  String.raw`cancer|leukemia|tumou?rs?|chemo\w*|radiation|immunotherapy|remission|relapse|metasta\w+`,
  String.raw`fractures?|broken (?:\w+ )?(?:hip|leg|arm|wrist|ankle|bone|neck|back|jaw|nose|ribs?|collarbone|femur|pelvis)|concussion|burns?|wounds?|stitches|sprain\w*|torn \w+|dislocat\w+|whiplash|(?:car|work|bike|motorcycle|farm|boating|diving) (?:accident|crash)|(?:his|her|their|my|a|the) fall|fell(?! in love| asleep| behind| short| through| apart)`,
  String.raw`pregnan\w+|high-risk pregnancy|miscarriage|preterm|premature|preemie|C-section|cesarean|stillbirth|preeclampsia|gestational \w+|(?:at|born at) \d{2} weeks`,
  String.raw`transplant\w*|dialysis|infusions?|transfusions?|pacemaker|defibrillator|stents?|bypass|cath(?:eterization)? lab|catheter\w*|intubat\w+|ventilator|respirator|trach\w*|feeding tube|G-tube|NG tube|room air|oxygen|cochlear implants?|hearing aids?|insulin(?: pump)?|prosthe\w+|amputat\w+|wheelchair|crutches|cast|brace|sling|telemetry|heart monitor`,
  String.raw`rounds? of (?:chemo\w*|radiation|treatment|infusions?|\w+)|(?:first|last|final) (?:day|round|dose) of \w+|(?:first|second|third|fourth|fifth|sixth|last|final|\d+(?:st|nd|rd|th)) (?:round|cycle|infusion|dose|session)|had (?:his|her|their|my) \w+ (?:out|removed|taken out)|beat (?:cancer|leukemia|\w+ cancer)|back on (?:his|her|their|my) feet`,
].join('|');

/** Tests and their results: clinical about someone, but also what a campaign promotes. */
const TESTS_EN = String.raw`CAT scan|x-?rays?|ultrasound|sonogram|echocardiogram|mammograms?|colonoscopy|biopsy|blood (?:work|test|sugar)|lab (?:results|work)|test results|scan results|sleep study|screening results|(?:medical|oncology|cardiology|hospital|surgical|dental|ER|discharge) records`;

const CUERPO_ES = String.raw`cadera|rodilla|hombro|coraz[óo]n|pulm[óo]n|pulmones|ri[ñn][óo]n|h[íi]gado|p[áa]ncreas|v[áa]lvula(?: a[óo]rtica| mitral)?|cerebro|columna|espalda|cuello|tobillo|mu[ñn]eca|codo|pie|mano|mand[íi]bula|ojo|o[íi]do|menisco|ligamento|ves[íi]cula|ap[ée]ndice|am[íi]gdalas|intestino|colon|mama|seno|pr[óo]stata|tiroides|cr[áa]neo|pelvis|f[ée]mur|hueso|piel|m[ée]dula|c[óo]rnea|retina|hernia|cataratas?|paladar`;

/** Enfermedades y lesiones, procedimientos y aparatos, en español. */
const CONDITIONS_ES = [
  String.raw`\p{L}+(?:itis|ectom[íi]a|ostom[íi]a|plastia|oscop[íi]a)`,
  String.raw`\p{L}*(?:carcin|melan|linf|sarc|gli|miel|blast|hemat|fibr|aden|meningi|neur|astrocit)omas?`,
  String.raw`(?:an|leuc|septic|isqu|hipoglluc|hiperglluc)emia|\p{L}+osis(?<!dosis)|(?:cardio|miocardio|neuro|nefro|retino)pat[íi]a|(?:hemi|para|cuadri|tetra)plej[íi]a`,
  String.raw`(?:fractura|lesi[óo]n|cirug[íi]a|operaci[óo]n|reemplazo|pr[óo]tesis|trasplante|infecci[óo]n|c[áa]ncer|tumor|insuficiencia|problemas?|rehabilitaci[óo]n|dolor|enfermedad|defecto|reconstrucci[óo]n|biopsia|extirpaci[óo]n)\s+(?:de(?:l)?\s+)?(?:(?:la|el|los|las|un|una|su|sus|mi|mis)\s+)?(?:${CUERPO_ES}|orina|vejiga|mama|pecho|est[óo]mago)`,
  String.raw`(?:etapa|estadio)\s+(?:[1-4]|I{1,3}V?|IV)[AB]?`,
  String.raw`neumon[íi]a|bronquiolitis|influenza|covid(?:-19)?|sepsis|ictericia|deshidrataci[óo]n|lupus|hepatitis|tuberculosis|sarampi[óo]n|meningitis|herpes z[óo]ster|infecci[óo]n (?:de orina|urinaria|en \p{L}+)|piedras? en (?:el|la) \p{L}+|c[áa]lculos?|hernia|cataratas?|glaucoma|migra[ñn]as?|v[ée]rtigo`,
  String.raw`convulsi[óo]n|convulsiones|ictus|derrame(?: cerebral)?|embolia|infarto|paro card[íi]aco|arritmia|fibrilaci[óo]n auricular|insuficiencia (?:card[íi]aca|renal|respiratoria)|co[áa]gulos?|trombosis|aneurisma|dolor (?:de|en el) pecho|se desmay[óo]|se desvaneci[óo]`,
  String.raw`diab[ée]tic[oa]|diabetes(?: tipo [12])?|pie diab[ée]tico|hipertensi[óo]n|presi[óo]n alta|obesidad|cirrosis|enfermedad de Crohn|celiaqu[íi]a|fibrosis qu[íi]stica|anemia falciforme|hemofilia|espina b[íi]fida|par[áa]lisis cerebral|distrofia muscular|escoliosis|autismo|s[íi]ndrome de Down|demencia|alzh[ée]imer|p[áa]rkinson|esclerosis m[úu]ltiple|cardiopat[íi]a(?: cong[ée]nita)?`,
  String.raw`depresi[óo]n|trastorno de ansiedad|trastorno (?:bipolar|alimenticio|alimentario|de la conducta alimentaria)|esquizofrenia|anorexia|bulimia|sobredosis|adicci[óo]n|psiquiatr[íi]a|intento de suicidio|autolesi[óo]n`,
  String.raw`c[áa]ncer|leucemia|tumor|tumores|quimio(?:terapia)?|radioterapia|inmunoterapia|remisi[óo]n|reca[íi]da|met[áa]stasis`,
  String.raw`fractura|fracturas|se (?:fractur[óo]|rompi[óo]|cay[óo]|quem[óo]|cort[óo]) \p{L}*|conmoci[óo]n|quemaduras?|heridas?|esguince|luxaci[óo]n|ca[íi]da|accidente(?: de (?:tr[áa]fico|moto|coche|auto|trabajo))?`,
  String.raw`embarazo|embarazada|aborto espont[áa]neo|pret[ée]rmino|prematur[oa]|fecundaci[óo]n in vitro|ces[áa]rea|preeclampsia|diabetes gestacional|(?:a las|con) \d{2} semanas`,
  String.raw`trasplante|di[áa]lisis|hemodi[áa]lisis|infusi[óo]n|transfusi[óo]n|marcapasos|desfibrilador|stent|bypass|cateterismo|cat[ée]ter|intubad[oa]|respirador|ventilador|traqueostom[íi]a|sonda|ox[íi]geno|implante coclear|aud[íi]fonos|bomba de insulina|insulina|pr[óo]tesis|amputaci[óo]n|silla de ruedas|andadera|andador|muletas|yeso|f[ée]rula|cabestrillo`,
  String.raw`(?:(?:lo|la|le|me|te|nos|los|las) )?(?:operaron|operan|van a operar|operar[áa]n|intervinieron|ingresaron|internaron|intubaron|amputaron|trasplantaron)(?: de (?:la |el |los |las |un |una )?\p{L}+)?|operar(?:lo|la|le)?(?: a \p{L}+ \p{L}+)? de (?:la |el |los |las |un |una )?\p{L}+(?: \p{L}+)?|(?:le|me|te|les) (?:quitaron|pusieron|colocaron|pondr[áa]n|van a poner|hicieron|implantaron) (?:un|una|el|la|los|las|dos|tres) \p{L}+|(?:primer|[úu]ltimo) d[íi]a de \p{L}+|sesi[óo]n(?:es)? de \p{L}+`,
].join('|');

const TESTS_ES = String.raw`resonancia(?: magn[ée]tica)?|tomograf[íi]a|radiograf[íi]a|rayos X|ultrasonido|ecograf[íi]a|ecocardiograma|electrocardiograma|mastograf[íi]a|mamograf[íi]a|colonoscop[íi]a|an[áa]lisis de (?:sangre|orina)|estudios de \p{L}+|informe (?:de alta|m[ée]dico)|revisi[óo]n del embarazo|consulta(?: de \p{L}+)?`;

// Acronyms are read in capitals only: "ALS" is a disease, "als" is not; "TIA" is not "tía".
const ACRONYMS = String.raw`RSV|HIV|AIDS|UTI|TIA|N?STEMI|AFib|CHF|COPD|DVT|PTSD|ADHD|ALS|NED|ORIF|ICD|C?PAP|BiPAP|IVF|T[12]D|VSR|VIH|SIDA|EPOC|TEPT|TDAH|ELA|FIV`;
const ACRONYM_TESTS = String.raw`MRI|EKG|ECG|EEG|(?:PET|CT) scan|(?:Hb)?A1c|TAC|RM`;

/** Conditions, injuries, procedures and devices: something happened to a body. */
export const CLINICAL_CONDITION_SOURCE = String.raw`\b(?:${CONDITIONS_EN})\b|${es(CONDITIONS_ES)}`;
export const CLINICAL_ACRONYM = new RegExp(String.raw`\b(?:${ACRONYMS})\b`, 'g');
/** Everything clinical about one person, tests and results included, to mark where a patient is identified. */
export const CLINICAL_TERM = new RegExp(
  String.raw`${CLINICAL_CONDITION_SOURCE}|\b(?:${TESTS_EN})\b|${es(TESTS_ES)}`,
  'giu',
);
export const CLINICAL_ACRONYM_TERM = new RegExp(
  String.raw`\b(?:${ACRONYMS}|${ACRONYM_TESTS})\b`,
  'g',
);
