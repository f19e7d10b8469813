import { detectCategories, mergeCategories } from './content-category';

describe('content category hints', () => {
  it.each([
    ['Read her story: from our ICU to the marathon finish line.', ['patient_story']],
    ['Welcome to the world! Our NICU nurses celebrate 500 newborns.', ['minors']],
    ['Our robotic surgery program has a 99% success rate.', ['clinical_claim', 'drug_or_device']],
    ['Flu vaccines are free this Saturday.', ['drug_or_device']],
    ['Our main campus is on lockdown. Avoid the area.', ['crisis']],
    ['Join us Saturday for the Mercy Valley 5K!', []],
  ])('%s', (text, expected) => {
    expect(detectCategories([text])).toEqual(expected);
  });

  it('merges declared and detected categories in one order', () => {
    expect(mergeCategories(['crisis'], ['minors', 'crisis'])).toEqual(['minors', 'crisis']);
  });
});
