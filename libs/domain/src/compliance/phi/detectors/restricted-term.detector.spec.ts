import { compileTerm } from './restricted-term.detector';

const matches = (term: string, text: string) =>
  [...text.matchAll(compileTerm(term))].map((m) => m[0]);

describe('compileTerm', () => {
  it('matches a word or phrase whole, in any case and spacing', () => {
    expect(matches('Project Falcon', 'project  falcon launches; projectfalcon does not')).toEqual([
      'project  falcon',
    ]);
  });

  it('runs a pattern written /…/', () => {
    expect(matches('/case #\\d{4}/i', 'See Case #2041 and case #7')).toEqual(['Case #2041']);
  });

  // Saved before such patterns were refused: it must never run on a scan. Run, it would take 2^40
  // steps on this text, and the test would never finish.
  it('matches a pattern that could backtrack for ever as the text it is written as', () => {
    expect(matches('/(a+)+$/', `${'a'.repeat(40)}!`)).toEqual([]);
    expect(matches('/(a+)+$/', 'the term /(a+)+$/ itself')).toEqual(['/(a+)+$/']);
  });
});
