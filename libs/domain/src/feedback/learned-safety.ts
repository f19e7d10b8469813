import { decidingFeatures, oddsOf, textModel, wordFeatures } from '../common';
import type { FeedbackText } from './feedback-text';
import SAFETY_MODEL from './safety-model.json';

export const SAFETY = 'safety';
export const NOT_SAFETY = 'not_safety';

/**
 * The log2 odds of `safety` above which the learned model calls a message a safety report that no
 * rule caught. Chosen with the blind dev-d split held out (`npm run models:train -- --holdout
 * feedback:dev-d`), never on the frozen test split.
 */
export const LEARNED_SAFETY_THRESHOLD = 6;

/** What the model reads: the message's words as the rules read them (English roots, Spanish folded). */
export const safetyFeatures = ({ language, normal }: FeedbackText): string[] => [
  `lang:${language}`,
  ...wordFeatures(normal),
];

/** An untrained safety model, for `npm run models:train`. */
export const safetyModel = () => textModel(safetyFeatures);

const model = textModel(safetyFeatures, SAFETY_MODEL);

/** The log2 odds that a message reports harm, by `classifier` (the trained model by default). */
export const safetyOdds = (read: FeedbackText, classifier = model): number =>
  oddsOf(classifier, read, SAFETY);

/** Whether the model trained on the dev splits reads a safety report in the message. */
export const learnedSafety = (read: FeedbackText): boolean =>
  safetyOdds(read) >= LEARNED_SAFETY_THRESHOLD;

/** The words of the message that most set safety reports apart in the labelled messages. */
export const safetyWords = (read: FeedbackText): string[] =>
  decidingFeatures(SAFETY_MODEL, safetyFeatures(read), [SAFETY, NOT_SAFETY]);
