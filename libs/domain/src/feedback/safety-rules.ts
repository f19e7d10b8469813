import type { FeedbackRule } from './feedback-rule';

/**
 * Harm to a patient or to staff, as the issue lists it: falls and injuries, wrong or missed
 * medication, neglect, abuse, threats, self-harm. English patterns read lemmas (`fall`, `punch`),
 * Spanish ones read the accent-folded text. They lean towards matching: a missed safety message is
 * the costly mistake.
 */
export const SAFETY_RULES: FeedbackRule[] = [
  {
    cue: 'self-harm',
    en: /\b(tired of living|tonight is the night|end this (tonight|today|now)|no way out|can'?t keep going|better off (dead|without me)|don'?t want to wake up|sleep forever|say goodbye|goodbye|can'?t do this anymore|can'?t take (it|this) anymore|giv(e|ing) up on (life|everything)|cut myself|jump (off|from)|ending it|end things|take my (own )?life|kill (myself|me)|suicid\w*|end (it|my life)|don'?t want to (live|be here)|not sure i have \w+ \w+ in me|take all (the|my) \w+|how many of my \w+ (pills?|meds)|call it a day|handle it myself|goodbye i guess|somewhere high|to the bridge|overdos\w*|hurt myself|want to die|wish i (was|were) dead|won'?t be around|not worth living|can'?t go on|no point (in )?(living|anymore)|self[- ]harm|cutting (myself|again)|end it all|swallow\w* (all|a bottle)|stockpil\w*|sav(e|ing) up (my )?pills|done with everything|no reason to live|think about how to do it)\b/,
    es: /\b(terminar con esto|no le encuentro sentido|sin salida|ya no puedo seguir|cansad[oa] de vivir|no aguanto mas|ya no aguanto|despedirme|adios a todos|desaparecer|tirarme|no quiero despertar|dormir para siempre|ya no tiene sentido|mejor muert\w*|ya no quiero vivir|quitarme la vida|suicid\w*|matarme|me quiero morir|quiero morir|no vale la pena vivir|ya no puedo mas|acabar con mi vida|cortarme|tomarme todas|hacerme dano|ya pense como hacerlo|no tengo a nadie|acabar con todo|sobredosis)\b/,
  },
  {
    cue: 'threat',
    en: /\b(stab\w*|kill (you|them|her|him|that|the|everyone|somebody|someone)|make (them|you|him|her) pay|hurt (someone|you|her|him|them|somebody)|burn (it|this|the place|the building) down|blow (it|this|the place) up|watch (your|their|his|her) back|coming for (you|them|her|him)|know where (she|he|you|they) (live|park)|waiting for (her|him|you) (outside|after)|pay for this|threat\w*|armed|knife|gun|bomb\w*|crosshairs?|shooting|shoot (him|her|up|you|them|everyone)|threaten\w*|weapon|make (the )?[\w ]{0,20} pay|find her after|waiting in the parking|see how brave|i'?ll be waiting|hurt (you|them|the nurse|the doctor|staff))\b/,
    es: /\b(apunal\w*|dispar\w*|regresar con|matar\w*|van a ver|quemar el|lo voy a|la voy a|se donde vive|los espero afuera|me la va a pagar|se van a arrepentir|cuchillo|pistola|arma|bomba|amenaz\w*|me las van a pagar|los voy a|matar a)\b/,
  },
  {
    cue: 'abuse or violence',
    en: /\b(kick|shove|yank\w*|pinch\w*|drag\w*|grab\w* (him|her|me|my)|rough\w*|threw|throw (him|her|me|things)|mock\w*|humiliat\w*|curs\w* at|scream\w* at|yell\w* at (him|her|my|a patient)|touch\w* (me|her|him|my)|stole|steal\w*|tie\w* (down|up|to)|locked (him|her|me) in|sedat\w* (him|her) to|punch|slap|hit (him|her|me|my|the)|assault\w*|abuse\w*|restrain\w*|strap\w* (in|into|to)|tie\w* (him|her) (down|to)|scream at|yell at my|sexual\w*|grope\w*|touch (me|her|patients?) |beat (him|her|me)|choke\w*|twist\w* (his|her) arm|tak(e|ing) cash|steal\w* from|harass\w*|rape\w*|molest\w*|kick\w* (him|her|me)|shove\w*|push\w* (him|her|me) (down|into|against)|inappropriate\w*|drug\w* (him|her|me) )\b/,
    es: /\b(pellizc\w*|insult\w*|humill\w*|robaron|le robo|le quitaron|lo ataron|la ataron|tocaron|pego|pegaron|lastim\w*|brusc\w*|a la fuerza|le pego|golpe\w*|empuj\w*|viola\w*|le pegaron|maltrat\w*|amarr\w*|jalone\w*|abus\w*|sexual\w*|las toca|la toca|le torcio|acos\w*|le grito|le gritaron|lo golpearon|la golpearon)\b/,
  },
  {
    cue: 'injury',
    en: /\b(drop (my|the|our|him|her)|bump on (his|her|my) head|unable to walk|can'?t walk anymore|oversedat\w*|kept (her|him) sedated|too much (sedation|morphine|medication|potassium)|slip\w*|trip\w* over|black eye|gash|laceration|skin tear|swollen|blood everywhere|turn\w* blue|seiz\w*|(pressure|sugar|oxygen|sats) (crash|drop|tank)\w*|went into (shock|arrest|cardiac|labor|afib|a coma)|heart attack|had a stroke|anaphyla\w*|allergic reaction|pneumonia|clot|dvt|lost consciousness|knocked out|back in the er|readmit\w*|fell|(be|was) found on the floor|on the floor (for|\d)|lay on the floor|patient down|bleed\w*|hemorrhag\w*|infect\w*|collapse\w*|aspirat\w*|arrhythmia|stop(ped)? breathing|can'?t breathe|struggl\w* to breathe|brain bleed|broken (\w+ )?(arm|leg|hip|collarbone|bone)|fractur\w*|pressure (injury|ulcer|sore)|bedsore|burn\w* (on|her|his|my)|blood clot|dka|cod(e|ed) before|pass(ed)? out|rupture\w*|perforat\w*|punctur\w*|nearly die|almost die(d)?(?! of)|skin is torn|wrist\w* (bruis|purple)|drank|drink some|seizure\w*|unresponsive|sepsis|septic|poison\w*|choking|suffocat\w*|concussion|hit (his|her|my) head|head injury|bruis\w*|black and blue|dehydrat\w*|starv\w*|scald\w*|blister\w*|amputat\w*|paralyz\w*|dropp?(ed)? (the|my|our) baby|rapid response|code blue|nearly (lost|kill)|almost (lost|kill)|could have die(d)?|die(d)? because|killed (him|her|my))\b/,
    es: /\b(se le subio|le subio a \d+|le bajo la presion|chichon|ya no (puede|pudo) caminar|llagas|lo tiraron|la tiraron|se les cayo|resbal\w*|se rompio|quebr\w*|hinchad\w*|cortada|se puso morad\w*|no respiraba|paro|neumonia|coagulo|perdio el conocimiento|inconsciente|se complico|lo volvieron a internar|reingres\w*|se cayo|caida|sangrando|sangrado|sangro|convulsi\w*|envenen\w*|moreton\w*|deshidrat\w*|escaras?|ulceras?|casi (se nos )?muere|murio por|terapia intensiva|hemorrag\w*|infect\w*|perfor\w*|se le cerro la garganta|dejo de respirar|deja de respirar|se esta ahogando|ahog\w*|infarto|moradas?|fractur\w*|quemadur\w*|se pego en la cabeza)\b/,
  },
  {
    cue: 'medication or procedure error',
    en: /\b(wrong (dose|med|drug|pill|patient|blood|arm|leg|side|site|kid|baby|name|chart|tooth|knee|hip|kidney)|another patient'?s|missed (dose|doses|his dose|her dose)|never got (his|her|my) (meds|medication|insulin|antibiotic|dose)|no (insulin|meds|antibiotics|pain meds?) for|ten ?times|10x|tenfold|mislabel\w*|left (a|the) (sponge|clamp|instrument|needle|gauze)|woke up during|awake during|without (my|her|his) consent|never consent\w*|botch\w*|wrong (leg|arm|eye|side|patient|med\w*|pills?|dose|vaccine|blood)|someone else'?s (pills|meds)|roommate'?s \w* ?(pills|meds)|double (the )?dose|too fast|allergic|reuse\w* (the same )?needle|never check\w* (her|his) pacemaker|without (a )?(sugar|glucose) check|no-swallow|forgot to reconnect|mix(ed)?[- ]?up|switched (his|her|my) \w+|expired|ventilator|iv pump beep\w* empty|blood thinner|not give me my|nobody (give|gave)|same pills i overdose)\b/,
    es: /\b(le dieron (la|el|una|un) \w+ (de otro|equivocad\w*)|no le dieron (su|sus|la|el)|sin (su|sus) (medicina|medicamento|insulina|pastillas)|caducad\w*|vencid\w*|sin (mi|su) consentimiento|dejaron (una|un) (gasa|pinza|aguja)|mal operad\w*|error medico|negligencia|mala praxis|medicina equivocada|medicamento de otr\w*|se equivocaron|equivoca\w* de (ojo|pierna|lado|paciente)|ojo izquierdo cuando era el derecho|alergic\w*|el doble de|a deshoras|sin receta|dosis equivocada|medicamento equivocado|otro paciente)\b/,
  },
  {
    cue: 'neglect or unsafe care',
    en: /\b(soaked|wet (sheets|diaper|bed)|nobody (will )?listen|won'?t listen|wouldn'?t listen|refus\w* to (check|see|treat|come)|nobody (came|come|check|answer|help|respond|notice|change|feed|clean)\w*|no one (came|come|check|answer|help|respond|notice|change|feed)\w*|in (his|her|my|their) own (urine|feces|poop|pee|vomit|waste)|hadn'?t been changed|not been (changed|fed|turned)|no (food|water) for|begg\w* for (water|help|pain)|left alone|unsupervised|wander\w*|eloped|got out of the (unit|ward|building)|locked out|(hours|days) without (food|water|eating|meds|medication|insulin|pain meds|being (turned|changed|fed|checked))|nobody (turn|look|told|notice|check|scan|follow)\w*|no one (is )?(follow|notice|check|come|came)\w*|no one gave|nobody gave|staff keep walk\w* past|send help|for \d+ (hours|hrs|days) without|without (food|eating|a check)|lapse in supervision|found in a stairwell|walk\w* out of the \w+ (unit )?doors|black mold|active tb|alarm (on|went)|mid-stroke|sent (my|me) \w* ?home with|discharg\w* (me|my \w+|him|her) (with|to|after|without)|1 rn for \d+|send (me|him|her) home and|ignor\w*|nobody (came|come|answer|help|respond)\w*|no one (answer|help|respond)\w*|(found|lying|lay|left) on the floor|fall out of bed|fell out of bed|bed rail|dangerous|unsafe|negligen\w*|malpractice|medical error|not wash\w* (their )?hands|call (light|button|bell)|unattended|left (him|her|my \w+) alone|soiled|lying in (urine|feces|poop|his|her)|wander\w* off|needle on the floor|dirty needle|contaminat\w*|misdiagnos\w*|missed (a|the|his|her) (fracture|stroke|heart attack|infection|sepsis|appendicitis|bleed))\b/,
    es: /\b(mojad[ao]|no (nos|me) hicieron caso|no quisieron (revisar|atender)|nadie (vino|llego|hizo caso|atendio|reviso|contesto|ayudo|cambio)|timbre|(horas|dias) sin (comer|agua|medicina|medicamento|atencion|que nadie)|sin agua|en sus (orines|heces|panal)|panal sucio|descuido|se perdio|sol[ao] (por|durante) horas|nadie la vigilaba|nadie lo vigilaba|sin comer|sin electrocardiograma|no le subieron los barandales|sin seguimiento|nadie (me|le|nos) (dio|atendio|hizo caso)|en la sala de espera sin|lo dejaron|la dejaron|urgente|nadie vino|lo olvidaron|se les olvido|sin supervision|peligro\w*|negligen\w*|equivocad\w*|nadie (me|le|nos) (ayudo|atendio|hizo caso|contesto|reviso)|tirad[oa] en el piso|en el piso(?! \d)|de la cama|sedaron|barandal\w*|abandon\w*|se salio)\b/,
  },
  {
    cue: 'hazard',
    en: /\b(mold|mould|smoke|sparking|exposed wires?|needles? (on|in|left)|used needle|syringe|sharps|wet floor|broken (bed|rail|alarm|lift|wheelchair|monitor)|alarm\w* (broken|off|turned off|not working|silenced|beep\w*)|monitor\w* (off|unplugged|disconnected)|oxygen (ran out|tank|off)|unplugged|disconnected|didn'?t wash|without gloves|fire)\b/,
    es: /\b(moho|humo|fuego|incendio|cables|agujas?|jeringas?|contamin\w*|alarma|desconect\w*|sin guantes)\b/,
  },
];

/**
 * Care that touches the body and went wrong, in words no single rule lists: a clinical term and a
 * failure in the same message. Weaker than the rules above, so praise outweighs it.
 */
export const CARE_FAILURE_RULES: [clinical: FeedbackRule, failure: FeedbackRule] = [
  {
    cue: 'clinical',
    en: /\b(vomit\w*|pain|fever|rash|swell\w*|dizzy|confused|medication|med|pill|dose|iv|antibiotic|insulin|surgery|wound|stitch|incision|infection|fever|breath\w*|oxygen|heart|chest|blood|sugar|seizure|stroke|allerg\w*)\b/,
    es: /\b(vomit\w*|dolor|fiebre|ronchas|hinchazon|mareo|antibiotico|medicamentos?|medicinas?|pastillas?|dosis|suero|cirugia|operacion|herida|puntos|infeccion|fiebre|respirar|oxigeno|corazon|pecho|sangre|presion|azucar|convulsion\w*|alergi\w*)\b/,
  },
  {
    cue: 'failure',
    en: /\b(nobody|no one|never|won'?t listen|not listen|dismiss\w*|wrong|forgot\w*|ignor\w*|without|didn'?t|wouldn'?t|refuse\w*|too (much|fast|high)|twice)\b/,
    es: /\b(nadie|nunca|equivoc\w*|olvid\w*|ignor\w*|sin|no le|no me|otra vez)\b/,
  },
];

/** Figures of speech that sound like harm ("the wait is killing me"): read as if absent. */
export const HYPERBOLE =
  /\b(die\w* of (boredom|laughter|embarrassment)|(wait|line|this|it|that) (is|was) killing me|kill for|i'?m dead|dying (of|to)|to die for|heart attack every|a look that could kill|killed it|slay\w*|died laughing|me muero de (risa|hambre|sueno)|me mata(n)? (la|el|esta|esa))\b/g;
