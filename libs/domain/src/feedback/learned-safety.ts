import naiveBayesTextClassifier from 'wink-naive-bayes-text-classifier';

type NaiveBayesTextClassifier = ReturnType<typeof naiveBayesTextClassifier>;
import type { FeedbackText } from './feedback-text';
import SAFETY_MODEL from './safety-model.json';

export const SAFETY = 'safety';
export const NOT_SAFETY = 'not_safety';

/**
 * The log2 odds of `safety` above which the learned model calls a message a safety report that no
 * rule caught. Chosen on the dev splits (a model trained on three, the fourth held out), never on
 * the frozen test split.
 */
export const LEARNED_SAFETY_THRESHOLD = 6;

const WORD = /[\p{L}\p{N}']{2,}/gu;

/**
 * What the model reads: the words of the message as the rules read them (English roots, Spanish
 * folded) and each pair of neighbouring words, so "dropped" and "dropped him" count apart.
 */
export function safetyFeatures({ language, normal }: FeedbackText): string[] {
  const words = normal.match(WORD) ?? [];
  const pairs = words.slice(1).map((word, i) => `${words[i]}_${word}`);
  return [`lang:${language}`, ...words, ...pairs];
}

/** A naive Bayes classifier (wink-naive-bayes-text-classifier) reading `safetyFeatures`. */
export function safetyClassifier() {
  const classifier = naiveBayesTextClassifier();
  classifier.definePrepTasks([(read) => safetyFeatures(read as FeedbackText)]);
  classifier.defineConfig({ considerOnlyPresence: true, smoothingFactor: 0.5 });
  return classifier;
}

const model = safetyClassifier();
model.importJSON(JSON.stringify(SAFETY_MODEL));
model.consolidate();

/** The log2 odds that a message reports harm, by a model. */
export function safetyOdds(classifier: NaiveBayesTextClassifier, read: FeedbackText): number {
  return classifier.computeOdds(read).find(([label]) => label === SAFETY)?.[1] ?? 0;
}

/** Whether the model trained on the dev splits reads a safety report in the message. */
export const learnedSafety = (read: FeedbackText): boolean =>
  safetyOdds(model, read) >= LEARNED_SAFETY_THRESHOLD;

type ExportedModel = [
  config: object,
  samples: Record<string, number>,
  count: Record<string, number>,
  words: Record<string, Record<string, number>>,
  vocabulary: string[],
];
const [, SAMPLES, , WORDS] = SAFETY_MODEL as unknown as ExportedModel;

/**
 * The words of the message that most set safety reports apart in the labelled messages: what
 * decided the model, for the person who reads the verdict.
 */
export function safetyWords(read: FeedbackText, top = 3): string[] {
  const weight = (feature: string) =>
    Math.log((WORDS[SAFETY][feature] ?? 0) + 0.5) -
    Math.log(SAMPLES[SAFETY] + 1) -
    Math.log((WORDS[NOT_SAFETY][feature] ?? 0) + 0.5) +
    Math.log(SAMPLES[NOT_SAFETY] + 1);
  return [...new Set(safetyFeatures(read).filter((f) => !f.startsWith('lang:')))]
    .map((feature) => ({ feature, weight: weight(feature) }))
    .filter(({ feature, weight }) => weight > 0.5 && feature.length >= 4)
    .sort((a, b) => b.weight - a.weight)
    .slice(0, top)
    .map(({ feature }) => feature.replace(/_/g, ' '));
}
