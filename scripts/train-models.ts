// `npm run models:train`: trains the two learned models on their dev splits and writes them:
// - feedback: libs/domain/src/feedback/safety-model.json (learned-safety.ts), a safety report or not;
// - phi: libs/domain/src/compliance/phi/phi-model.json (learned-phi.ts), PHI in a published text or not.
// The frozen test splits are never read. `npm run models:train -- --holdout phi:dev-e` trains that
// model without that split instead, writes nothing, and prints, for each threshold, what rules and
// model together score on the held-out split: how the thresholds were chosen.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TextModel } from '@rounds/domain/common/text-model';
import type { CorpusItem } from '@rounds/domain/compliance/phi/phi-corpus-score';
import { CLEAN, PHI, phiModel, learnedPhiFinding } from '@rounds/domain/compliance/phi/learned-phi';
import { PhiScanner } from '@rounds/domain/compliance/phi/phi-scanner';
import { classifyFeedback } from '@rounds/domain/feedback/feedback-classifier';
import type { FeedbackCorpusItem } from '@rounds/domain/feedback/feedback-corpus-score';
import { readFeedbackText } from '@rounds/domain/feedback/feedback-text';
import {
  NOT_SAFETY,
  SAFETY,
  safetyModel,
  safetyOdds,
} from '@rounds/domain/feedback/learned-safety';

const ROOT = join(__dirname, '..');
const THRESHOLDS = [Infinity, 24, 20, 16, 12, 8, 6, 4, 2];

interface Trainee<Item> {
  splits: string[];
  file: string;
  untrained: () => TextModel;
  example: (item: Item) => [input: unknown, label: string];
  /** Whether rules and `model` at `threshold` flag the item, and whether it should be. */
  judge: (
    item: Item,
    model: TextModel,
    threshold: number,
  ) => { flagged: boolean; positive: boolean };
}

const feedback: Trainee<FeedbackCorpusItem> = {
  splits: ['dev', 'dev-b', 'dev-c', 'dev-d'],
  file: 'libs/domain/src/feedback/safety-model.json',
  untrained: safetyModel,
  example: (item) => [readFeedbackText(item.text), item.category === SAFETY ? SAFETY : NOT_SAFETY],
  judge: (item, model, threshold) => ({
    flagged:
      classifyFeedback(item.text, (read) => safetyOdds(read, model) >= threshold).category ===
      SAFETY,
    positive: item.category === SAFETY,
  }),
};

const phi: Trainee<CorpusItem> = {
  splits: ['dev', 'dev-b', 'dev-c', 'dev-d', 'dev-e'],
  file: 'libs/domain/src/compliance/phi/phi-model.json',
  untrained: phiModel,
  example: (item) => [{ field: item.field, text: item.text }, hasPhi(item) ? PHI : CLEAN],
  judge: (item, model, threshold) => ({
    flagged: new PhiScanner((doc) => learnedPhiFinding(doc, model, threshold))
      .scanField(item.field, item.text, item.context)
      .some((f) => f.severity === 'block'),
    positive: hasPhi(item),
  }),
};

// As the benchmark scores it: an item with a block-level label must be blocked.
function hasPhi(item: CorpusItem): boolean {
  return item.phi.some((label) => !label.severity);
}

const TRAINEES = { feedback, phi } as Record<string, Trainee<unknown>>;

function load<Item>(name: string, split: string): Item[] {
  const file = join(ROOT, 'test/fixtures', name === 'phi' ? 'phi' : 'feedback', `${split}.json`);
  return JSON.parse(readFileSync(file, 'utf8'));
}

function train<Item>(name: string, trainee: Trainee<Item>, splits: string[]): TextModel {
  const model = trainee.untrained();
  for (const item of splits.flatMap((split) => load<Item>(name, split)))
    model.learn(...trainee.example(item));
  model.consolidate();
  return model;
}

const holdout = process.argv.includes('--holdout')
  ? process.argv[process.argv.indexOf('--holdout') + 1]
  : undefined;

if (holdout) {
  const [name, split] = holdout.split(':');
  const trainee = TRAINEES[name];
  if (!trainee || !trainee.splits.includes(split)) throw new Error(`no dev split ${holdout}`);
  const model = train(
    name,
    trainee,
    trainee.splits.filter((s) => s !== split),
  );
  const items = load(name, split);
  for (const threshold of THRESHOLDS) {
    const judged = items.map((item) => trainee.judge(item, model, threshold));
    const positives = judged.filter((j) => j.positive).length;
    const flagged = judged.filter((j) => j.flagged);
    const caught = flagged.filter((j) => j.positive).length;
    console.log(
      `${holdout} threshold ${String(threshold).padStart(8)}: recall ${pct(caught / positives)}, ` +
        `precision ${pct(caught / flagged.length)}, clean flagged ${pct((flagged.length - caught) / (judged.length - positives))}`,
    );
  }
} else {
  for (const [name, trainee] of Object.entries(TRAINEES)) {
    writeFileSync(
      join(ROOT, trainee.file),
      `${train(name, trainee, trainee.splits).exportJSON()}\n`,
    );
    console.log(`wrote ${trainee.file}, trained on ${trainee.splits.join(', ')}`);
  }
}

function pct(ratio: number): string {
  return `${(100 * ratio).toFixed(1)}%`;
}
