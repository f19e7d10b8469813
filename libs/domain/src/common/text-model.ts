import naiveBayesTextClassifier from 'wink-naive-bayes-text-classifier';

/** A naive Bayes text classifier (wink-naive-bayes-text-classifier). */
export type TextModel = ReturnType<typeof naiveBayesTextClassifier>;

const WORD = /[\p{L}\p{N}']{2,}/gu;

/** The words of a text and each pair of neighbouring words ("dropped", "dropped him"). */
export function wordFeatures(text: string): string[] {
  const words = text.match(WORD) ?? [];
  return [...words, ...words.slice(1).map((word, i) => `${words[i]}_${word}`)];
}

/**
 * A model reading what `features` draws from an input, counting each feature once per input;
 * with `trained` (an `exportJSON()` parsed), ready to classify.
 */
export function textModel<T>(features: (input: T) => string[], trained?: unknown): TextModel {
  const model = naiveBayesTextClassifier();
  model.definePrepTasks([(input) => features(input as T)]);
  model.defineConfig({ considerOnlyPresence: true, smoothingFactor: 0.5 });
  if (trained) {
    model.importJSON(JSON.stringify(trained));
    model.consolidate();
  }
  return model;
}

/** The log2 odds of `label` for `input`. */
export const oddsOf = <T>(model: TextModel, input: T, label: string): number =>
  model.computeOdds(input).find(([l]) => l === label)?.[1] ?? 0;

type ExportedModel = [
  config: object,
  samples: Record<string, number>,
  count: Record<string, number>,
  words: Record<string, Record<string, number>>,
  vocabulary: string[],
];

/**
 * The features that most set `label` apart from `other` in the training examples, strongest first:
 * what decided the model, for the person who reads its verdict.
 */
export function decidingFeatures(
  trained: unknown,
  features: readonly string[],
  [label, other]: [string, string],
  top = 3,
): string[] {
  const [, samples, , counts] = trained as ExportedModel;
  const weight = (feature: string) =>
    Math.log((counts[label][feature] ?? 0) + 0.5) -
    Math.log(samples[label] + 1) -
    Math.log((counts[other][feature] ?? 0) + 0.5) +
    Math.log(samples[other] + 1);
  return [...new Set(features.filter((f) => !f.includes(':')))]
    .map((feature) => ({ feature, weight: weight(feature) }))
    .filter(({ feature, weight }) => weight > 0.5 && feature.length >= 4)
    .sort((a, b) => b.weight - a.weight)
    .slice(0, top)
    .map(({ feature }) => feature.replace(/_/g, ' '));
}
