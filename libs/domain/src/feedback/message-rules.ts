import type { FeedbackRule } from './feedback-rule';

/** Selling, scams, follow-for-follow and links to elsewhere. */
export const SPAM_RULES: FeedbackRule[] = [
  {
    cue: 'link or handle to elsewhere',
    en: /https?:\/\/|www\.|\b[\w-]+\.(com|net|xyz|shop|to|co|help|io|info|biz|ly\/\S+|ee\/\S+)\b|\b(link (in|on) (my )?(bio|profile)|link below|check (out )?my (profile|channel|pinned)|go to my channel|visit my site|whatsapp|telegram|dm (me|for|'info')|my mentor)\b/,
    es: /https?:\/\/|www\.|\b[\w-]+\.(com|net|xyz|shop|mx)\b|\b(link en mi perfil|en mi perfil|mi perfil|por inbox|por dm|whatsapp|telegram|sigueme|codigo)\b/,
  },
  {
    cue: 'giveaway or money offer',
    en: /\b(promo code|discount|buy now|order now|shop now|free trial|sign up|subscribe to my|follow me|check out my|my channel|my page|onlyfans|hot (girls|singles)|dating|casino|lottery|loans?|invest\w*|profit\w*|passive income|work from home|nft|token|click (here|the link)|giveaway|airdrop|free (iphone|v-bucks|products?|supplement|vpn)|win a|\$[a-z]+\b|crypto\w*|forex|connect wallet|bitcoin|eth|stock alert|trading group|earn\w*|make \$|rich|debt|stimulus|sponsorship|boost your followers|followers|subs\b|sub to me|follow train|#followtrain|followme|like & rt|rate card|partner with us|collab|ambassador|cheap|\d+% off|limited time|spots left|viagra|cialis|singles|18\+|sexy|funds|follow everyone|claim your|unlock at \S+\.|essay|herbal cure|cure everything|don'?t read my name|exclusive content|sugar daddy|extended warranty|sub(scribe)? (to me|back)|ill sub back|get verified|blue check|just launched|\d+x incoming|binance|rt if|message me)\b/,
    es: /\b(gana dinero|dinero desde casa|trabajo desde casa|inversion|invierte|ganancias|prestamo\w*|oferta|descuento|compra ya|siguenos|suscribete|mi canal|mi pagina|haz clic|da clic|envio gratis|sorteo|gana \d+|renta de|cotiza|vendo|promocion|cupos limitados|criptomonedas|creditos|sin enganche|chicas solteras|aprende ingles|mitad de precio|resultados en \d+ dias|curan? (la|el|los|las|todo)|pedidos (por|al) (mensaje|inbox|whatsapp|dm)|lectura de cartas|amarres|resultados garantizados|llama ya|bajar de peso|escribeme|curso de|inscribete|certificado|gana seguidores)\b/,
  },
];

/** Something went badly short of harm: waits, bills, rudeness, dirt, noise, broken things. */
export const COMPLAINT_RULES: FeedbackRule[] = [
  {
    cue: 'waiting',
    en: /\b(\d+ ?(hours|hrs|hour)|so long|next available|on hold|hold music|wait (today )?(was|is) brutal|\d+ weeks out|waiting room is|line out the door|after \d+ days|day \d+ of|\d+ (phone calls|times)|third time|walked in circles)\b/,
    es: /\b(tardaron|me dejan en espera|en espera \d+|\d+ meses|una hora tarde|fila enorme|de un lado a otro|de oficina en oficina|ya van tres veces)\b/,
  },
  {
    cue: 'money',
    en: /\b(bill\w*|charge\w*|collections|\$\d+|eob|paid|out \$?\d+)\b/,
    es: /\b(cobr\w*|factura\w*|caro|caros|robo|dolares|pague)\b/,
  },
  {
    cue: 'poor treatment or service',
    en: /\b((no one|nobody) told (me|us)|moved \w+ times|(two|three|four|five|\d+) times|cold|roll\w* (her|his|their) eyes|every single (day|time)|this is a joke|joke|worst|horrible|disgusting|gross|filthy|dirty|ridiculous|unacceptable|unprofessional|disrespect\w*|incompetent|useless|frustrat\w*|annoy\w*|disappoint\w*|never (again|called|answered|got)|still (waiting|haven'?t|no)|(no one|nobody) (called|answered|returned)|hung up|lost (my|our)|overcharg\w*|expensive|waste of|waited|wait time|understaffed|noisy|loud|can'?t sleep|impossible|confusing|smh|come on|dismissive|rush\w*|didn'?t (even )?(read|look)|rude|slam\w*|zero consideration|laugh\w* when|scrolling|shrug\w*|missing|tossed|awful|terrible|unbearable|can'?t get|nobody (at|can|knows)|so sick of|make it make sense|who designed|shouldn'?t|war crime|human rights violation|villain|gives me a heart attack|look that could kill|die\w* of boredom|#help|would love it if|please take a day off|need more than|hasn'?t been cleaned|trash|stuck|broken|ate \$|cancel\w*|can'?t i|i can'?t|instead of|what are \w+ supposed to|where am i supposed|down for maintenance|lab can'?t|not (clean|working)|garbage|doesn'?t work|don'?t work|can'?t (see|message|pay|get|bring|find|reach)|talk(ed|s|ing)? (down|to (me|him|her|my \w+) like)|like (he|she|i) was a (toddler|child|kid)|(\d+|ninety) ?(min|mins|minutes) late|(were|was|is) late|sticky|so strict|wouldn'?t let (me|us)|won'?t let (me|us)|nobody will|same \d+ page|every (visit|time)|scratched|update your|should be illegal|gave up|switching (providers|doctors|hospitals)|keeps? getting (pushed|moved|cancel\w*)|(dying|starving) of hunger|npo since|is a joke|hostage situation|press \d.{0,20}press \d|👎|😤|🤢|😩|🥶|😡|🤬)\b/,
    es: /\b(esperando|semanas|no (me|nos) (llaman|llamaron|avisaron|dijeron)|nadie (me|nos) (dijo|aviso|llamo)|pesimo|horrible|asco|sucio|sucios|grosero|grosera|mal servicio|mala atencion|mal trato|nadie contesta|no contestan|nunca (contestan|llaman)|me colgaron|perdieron|decepcion\w*|indignad\w*|inaceptable|falta de respeto|esper\w* (\d+|horas|mucho)|retras\w*|cancelaron|reprogramaron|carisim\w*|ruido|caos|punta del pie|no me gusto|regan\w*|me cansé|me canse|se corta|nadie sabe|no hay donde|dan asco|sin papel|ni se disculpo|me apuro|que alguien arregle|nunca aceptan|ni llego|me traen|no sirve|no funciona|no me deja|sale error|de mala gana|ni me (volteo|vio|reviso|saludo)|no es justo|que coraje|de terror|bien car[oa]|muy car[oa]|que inhuman\w*|me estoy muriendo de (frio|calor|hambre)|me muero de (hambre|frio|calor)|\d+ (horas|minutos) (para|y contando)|de locos|ya van \d+|tres veces|me cambiaron|cobranza|ya me va a dar algo|que eficiencia)\b/,
  },
];

/** Thanks and praise for people, teams and services. */
export const COMPLIMENT_RULES: FeedbackRule[] = [
  {
    cue: 'thanks',
    en: /\b(thank\w*|grateful|kudos|shout out|props to|respect to|appreciat\w*|a\+|bless\w*)\b/,
    es: /\b(gracias|agradec\w*|bendiciones|reconocer|le debo la vida)\b/,
  },
  {
    cue: 'praise',
    en: /\b(special|listened|smiling|shout-?out|patience|patient with|awesome|excellent|incredible|outstanding|exceptional|superb|phenomenal|compassion\w*|caring|gentle|professional|attentive|helpful|friendly|sweet|warm|above and beyond|made (me|us) feel|felt (safe|heard|cared for)|thankful|proud|miracle|recommend|5 stars|five stars|best|wonderful|kind|kindest|lovely|legends?|heroes?|angel|amazing|great|beautiful|fantastic|love (the|that|them|this|my)|i love|saved|thriving|never once made me feel|made my \w+ (whole )?(day|week)|well done|not awful|nice touch|so attentive|thorough|calm and sweet|royalty|actually good|small change, huge difference|best cheer|walking \d+ miles|believe in doctors|impressed|so calm|funny|10\/10|saved (my|his|her|their|our) (life|lives|mom|dad|baby|son|daughter)|got (me|him|her) (back|talking|walking)|back to (playing|work|normal|dancing|running)|healed|recovered|(he'?s|she'?s|i'?m|is|are) (back )?home and|doing great|forever grateful|legend|gem|chef'?s kiss|means a lot|doing (so much )?better|treated me like a person|remembered (my|her|his)|🙌|💚)\b/,
    es: /\b(paciencia|especial|siempre sonriendo|increible|maravillos\w*|atent\w*|profesional\w*|carinos\w*|buen\w* (trato|servicio|atencion)|los recomiendo|recomendad\w*|angel\w*|heroes|dios (los|les) bendiga|agradecid\w*|lo mejor|mejor hospital|excelente|amables?|un amor|orgullos\w*|eminencia|hermoso|lindo|muy buena|muy organizado|da gusto|una artista|con mucho amor|como si fuera suya|aprendi|ya puedo|enorme|sigue con nosotros|me salvaron|le salvaron|salvaron (la|su|mi) vida|ya camin\w*|se recupero|me recupere|super bien|felicidades|felicito|rica|rico|buenisim\w*|detallazo|sanit[oa]|lo maximo|como familia|a tiempo)\b/,
  },
];

/** A request for information or a service, put to the hospital. */
export const QUESTION_RULES: FeedbackRule[] = [
  {
    cue: 'asks the hospital',
    en: /^(@\w+ )?(hi[^?]*\. )?(quick q, )?(do|does|is|are|can|could|how|what|what'?s|where|where'?s|when|who|which|will|would)\b[^?]*\?|^(@\w+ )?(what|where|when|how|which|who) (are|is|do|does|can|should|time|hours)\b|\b(how do i|how long|is it ok|should i|does that mean|(can|could) (someone|anyone) (tell|help|explain)|i('d| would) like to know|wondering (if|whether|how|what|when)|does anyone know (if|how|when|where)|any (tips|advice|recommendations) (on|for|about))\b/,
    es: /¿(?!por que)|^(@\w+ )?(donde|como|cuando|cuanto|cual|hay|tienen|puedo|se puede|aceptan|atienden)\b[^?]*\?|\b(necesito saber|quiero saber|alguien sabe (si|donde|como|cuando)|quisiera saber|me gustaria saber|informes|donde (recojo|puedo)|como (le hago|me comunico)|tienen \w+|aceptan|cubre el seguro|hasta que hora)\b/,
  },
];

/** A question about how things are done, not about harm that happened ("how do you screen for MRSA?"). */
export const GENERAL_QUESTION_RULES: FeedbackRule[] = [
  {
    cue: 'asks how things are done',
    en: /^(@\w+ )?(genuinely |just |quick q,? )?(curious,? )?(how|what|when) (do|does|are|is|should) (you|y'?all|your|a|the|hospitals?|they|nurses|doctors)\b[^?]*\?|\b(genuinely|just) curious\b/,
    es: /^(@\w+ )?¿?(como|cuando|que) (hacen|se hace|le hacen|evitan|revisan|se (revisa|evita))\b[^?]*\?/,
  },
];

/** Talk about other hospitals, the video itself, or nothing: "other", whatever words it uses. */
export const ELSEWHERE_RULES: FeedbackRule[] = [
  {
    cue: 'about the video',
    en: /\b((at|around) \d{1,2}:\d{2}\b(?! ?(am|pm|a\.m|p\.m))|in (this|the) video)\b/,
    es: /\b((en el|al) (minuto|min) \d{1,2}(:\d{2})?|en (este|el) video)\b/,
  },
  {
    cue: 'happened elsewhere',
    en: /\b(a hospital in|hospital in (another|the uk|\w+) |another state|in (oregon|ohio|florida|nevada|texas|the uk)|read (an article|that)|story (about|going around)|the news|local paper|viral clip|under (state )?investigation|county hospital|apparently a)\b/,
    es: /\b(en otro hospital|en las noticias|lei que|en otro estado)\b/,
  },
];
