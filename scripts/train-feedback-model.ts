// `npm run feedback:train`: trains the learned safety model (libs/domain/src/feedback/learned-safety.ts)
// on the feedback dev splits and writes libs/domain/src/feedback/safety-model.json. The frozen test
// split is never read. `npm run feedback:train -- --holdout dev-d` trains without that split instead,
// writes nothing, and prints safety recall and precision on it for each threshold, rules and model
// together: how LEARNED_SAFETY_THRESHOLD was chosen.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { classifyFeedback } from '@rounds/domain/feedback/feedback-classifier';
import type { FeedbackCorpusItem } from '@rounds/domain/feedback/feedback-corpus-score';
import { readFeedbackText } from '@rounds/domain/feedback/feedback-text';
import {
  NOT_SAFETY,
  SAFETY,
  safetyClassifier,
  safetyOdds,
} from '@rounds/domain/feedback/learned-safety';

const ROOT = join(__dirname, '..');
const DEV_SPLITS = ['dev', 'dev-b', 'dev-c', 'dev-d'];
const MODEL_FILE = join(ROOT, 'libs/domain/src/feedback/safety-model.json');

const load = (split: string): FeedbackCorpusItem[] =>
  JSON.parse(readFileSync(join(ROOT, 'test/fixtures/feedback', `${split}.json`), 'utf8'));

function train(splits: string[]) {
  const classifier = safetyClassifier();
  for (const item of splits.flatMap(load)) {
    classifier.learn(readFeedbackText(item.text), item.category === SAFETY ? SAFETY : NOT_SAFETY);
  }
  classifier.consolidate();
  return classifier;
}

const holdout = process.argv.includes('--holdout')
  ? process.argv[process.argv.indexOf('--holdout') + 1]
  : undefined;

if (holdout) {
  const classifier = train(DEV_SPLITS.filter((split) => split !== holdout));
  const items = load(holdout);
  const labelled = items.filter((item) => item.category === SAFETY).length;
  for (const threshold of [Infinity, 8, 6, 4, 3, 2, 1, 0, -1]) {
    const said = items.map((item) => ({
      item,
      safety:
        classifyFeedback(item.text, (read) => safetyOdds(classifier, read) >= threshold)
          .category === SAFETY,
    }));
    const claimed = said.filter((s) => s.safety);
    const right = claimed.filter((s) => s.item.category === SAFETY).length;
    console.log(
      `threshold ${String(threshold).padStart(8)}: safety recall ${pct(right / labelled)}, precision ${pct(right / claimed.length)}`,
    );
  }
} else {
  writeFileSync(MODEL_FILE, `${train(DEV_SPLITS).exportJSON()}\n`);
  console.log(`wrote ${MODEL_FILE}, trained on ${DEV_SPLITS.join(', ')}`);
}

function pct(ratio: number): string {
  return `${(100 * ratio).toFixed(1)}%`;
}
