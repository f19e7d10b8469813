import type { FeedbackCategory } from './feedback-category';
import { classifyFeedback } from './feedback-classifier';

// Written by hand from the categories' definitions in issue 14, not from the classifier's output.
const TABLE: [text: string, category: FeedbackCategory][] = [
  ['my grandmother fell out of bed last night and nobody came for an hour', 'safety'],
  ['they gave my son the wrong medication twice this week', 'safety'],
  ['an orderly slapped my father when he asked for water', 'safety'],
  ['I just want to end it all, I can not do this anymore', 'safety'],
  ['a visitor in the lobby says he has a gun and is looking for the doctor', 'safety'],
  ['Great care overall, but my mom got a blood clot because nobody gave her the shots', 'safety'],
  ['a mi mamá se le infectó la herida y nadie la revisó en tres días', 'safety'],
  ['el enfermero golpeó a mi abuelo en la cara', 'safety'],
  ['ya no quiero vivir, nadie me escucha', 'safety'],
  ['waited 5 hours in the ER and the bill was $900. ridiculous', 'complaint'],
  ['the front desk lady was rude and the bathroom was filthy, terrible', 'complaint'],
  ['me cobraron dos veces la misma consulta y nadie sabe nada', 'complaint'],
  ['what time does the pharmacy open on Sundays?', 'question'],
  ['does your hospital accept Medicaid for maternity care?', 'question'],
  ['¿A qué hora abren la clínica de vacunación?', 'question'],
  ['thank you to the oncology nurses, you were wonderful to my wife', 'compliment'],
  ['muchas gracias al equipo de pediatría, excelente trato', 'compliment'],
  ['WIN a free iPhone!!! click here: prizes-now.xyz', 'spam'],
  ['gana dinero desde casa, link en mi perfil', 'spam'],
  // Indirect self-harm, threats and identity errors are safety whatever surrounds them.
  ['honestly my family would be better off without me, thanks for listening', 'safety'],
  ['creo que ya es hora de dejar de luchar, gracias a todos', 'safety'],
  ['if the charge nurse keeps ignoring us she is not gonna like what happens next', 'safety'],
  ['they hung another patient’s antibiotic on my son’s IV pole', 'safety'],
  ['le pusieron a mi tía el suero de otra paciente y se puso morada', 'safety'],
  // An injury story is a compliment when it thanks the team and blames nobody…
  [
    'broke my hip skiing in march and your ortho team got me walking by june, thank you',
    'compliment',
  ],
  ['mi mamá tuvo un derrame y gracias a urgencias se recuperó por completo', 'compliment'],
  // …and safety when the praise is ironic or someone is blamed.
  ['5 stars for leaving my dad on the floor for an hour after he fell 🙃', 'safety'],
  ['the nurses were lovely but nobody noticed her wound was infected for days', 'safety'],
  // Figures of speech and questions about how things are done are not safety.
  ['12 dólares por un café en la cafetería, qué abuso', 'complaint'],
  ['just curious, how do nurses double-check a dose before giving it?', 'question'],
  ['happy monday everyone', 'other'],
  ['read an article about a hospital in Texas where a patient fell. scary', 'other'],
];

describe('classifyFeedback', () => {
  it.each(TABLE)('%s → %s', (text, category) => {
    const verdict = classifyFeedback(text);
    expect(verdict.category).toBe(category);
    if (category !== 'other') expect(verdict.reasons.length).toBeGreaterThan(0);
  });

  it('tells English from Spanish', () => {
    expect(classifyFeedback('the nurse was wonderful, thank you').language).toBe('en');
    expect(classifyFeedback('la enfermera fue maravillosa, gracias').language).toBe('es');
  });

  it('names the words that decided a safety message', () => {
    expect(classifyFeedback('my father was punched by a guard').reasons).toContain('punch');
  });
});
