import { CLINICAL_ACRONYM_TERM, CLINICAL_TERM } from './clinical-terms';
import { STRONG_CLINICAL } from './phi-lexicon';

const terms = (text: string) =>
  [...text.matchAll(CLINICAL_TERM), ...text.matchAll(CLINICAL_ACRONYM_TERM)].map((m) => m[0]);

// Hand-written examples: a term by its medical shape, a body part before a procedure, an acronym
// in capitals only, in English and in Spanish.
describe('clinical terms', () => {
  it.each([
    ['Recovering from appendicitis and a tonsillectomy', ['appendicitis', 'tonsillectomy']],
    ['her shoulder replacement went well', ['shoulder replacement']],
    ['he was diagnosed with a glioblastoma', ['glioblastoma']],
    ['stage 2 breast cancer, four rounds of chemo', ['stage 2 breast cancer', 'rounds of chemo']],
    ['she fainted in line, then a seizure', ['fainted', 'seizure']],
    ['he is still on oxygen with a feeding tube', ['oxygen', 'feeding tube']],
    ['my dad had his gallbladder out', ['had his gallbladder out']],
    ['results of the sleep study and the mammogram', ['sleep study', 'mammogram']],
    ['lo operaron de la rodilla el martes', ['lo operaron de la rodilla']],
    ['tiene neumonía y una fractura de cadera', ['neumonía', 'fractura de cadera']],
    ['le pusieron un stent y sigue con diálisis', ['le pusieron un stent', 'diálisis']],
    ['su hija nació a las 29 semanas', ['a las 29 semanas']],
    ['an NSTEMI, then a PET scan', ['NSTEMI', 'PET scan']],
    ['resultado de VIH en la consulta de neumología', ['consulta de neumología', 'VIH']],
  ])('finds the clinical words of %p', (text, expected) => {
    expect(terms(text).sort()).toEqual([...expected].sort());
  });

  it.each([
    'Our academia partners sent a diploma and a program diagram',
    'This fall we fell in love with the new garden',
    'mi tia Rosa trae los tamales',
    'Las dosis de la vacuna llegan el lunes',
    'Ned and Al ran the 5K',
  ])('leaves everyday words alone: %p', (text) => {
    expect(terms(text)).toEqual([]);
  });

  it('reads acronyms in capitals only as clinical', () => {
    expect(STRONG_CLINICAL.test('Mi tía vino a verme')).toBe(false);
    expect(STRONG_CLINICAL.test('She had a TIA last week')).toBe(true);
    expect(STRONG_CLINICAL.test('Mamá fue diagnosticada con ELA')).toBe(true);
  });
});
