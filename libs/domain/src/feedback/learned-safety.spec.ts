import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { classifyFeedback } from './feedback-classifier';
import { readFeedbackText } from './feedback-text';
import { NOT_SAFETY, SAFETY, safetyModel } from './learned-safety';

const ROOT = join(__dirname, '../../../..');
const DEV_SPLITS = ['dev', 'dev-b', 'dev-c', 'dev-d'];

describe('the learned safety model', () => {
  // The committed model is what the dev splits train, and nothing else: not the frozen test split.
  it('is exactly what `npm run models:train` makes of the dev splits', () => {
    const classifier = safetyModel();
    for (const split of DEV_SPLITS) {
      const items: { text: string; category: string }[] = JSON.parse(
        readFileSync(join(ROOT, 'test/fixtures/feedback', `${split}.json`), 'utf8'),
      );
      for (const item of items)
        classifier.learn(
          readFeedbackText(item.text),
          item.category === SAFETY ? SAFETY : NOT_SAFETY,
        );
    }
    classifier.consolidate();
    const committed = readFileSync(join(__dirname, 'safety-model.json'), 'utf8').trim();
    expect(JSON.parse(classifier.exportJSON())).toEqual(JSON.parse(committed));
  });

  // Written for this test, in none of the splits: harm told by its consequences, no rule's words.
  it.each([
    ['the IV bag ran dry and his arm swelled up like a balloon'],
    ['he got a tray with peanuts even though his band says peanut allergy'],
    ['mi abuela lleva desde ayer en el mismo pañal y tiene la piel en carne viva'],
  ])('reads harm that no rule lists: %s', (text) => {
    expect(classifyFeedback(text, () => false).category).not.toBe('safety');
    const verdict = classifyFeedback(text);
    expect(verdict.category).toBe('safety');
    expect(verdict.reasons.length).toBeGreaterThan(0);
  });

  it('leaves a thank-you and a parking complaint alone', () => {
    expect(
      classifyFeedback('The nurses on 4 West were wonderful to my dad, thank you!').category,
    ).toBe('compliment');
    expect(classifyFeedback('$18 to park for two hours is a joke').category).toBe('complaint');
  });
});
