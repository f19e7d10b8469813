import {
  decidingFeatures,
  oddsOf,
  type TextModel,
  textModel,
  wordFeatures,
} from '../../common/text-model';
import type { PhiFinding } from './phi-finding';
import PHI_MODEL from './phi-model.json';
import type { PublishedField } from './published-field';
import type { ScanDocument } from './scan-document';

export const PHI = 'phi';
export const CLEAN = 'clean';

/**
 * The log2 odds of `phi` above which a text no rule blocked is blocked by the learned model. Chosen
 * with the dev splits held out in turn (dev-c, dev-d, dev-e; `npm run models:train -- --holdout
 * phi:dev-e`), never on the frozen test split.
 */
export const LEARNED_PHI_THRESHOLD = 16;

/** A published text as the model reads it. */
export interface PhiExample {
  field: PublishedField;
  text: string;
}

const fold = (text: string) => text.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');

/** The field, and the words of the text lowercased and accent-folded, alone and in pairs. */
export const phiFeatures = ({ field, text }: PhiExample): string[] => [
  `field:${field}`,
  ...wordFeatures(fold(text)),
];

/** An untrained model, for `npm run models:train`. */
export const phiModel = () => textModel(phiFeatures);

const model = textModel(phiFeatures, PHI_MODEL);

/** The log2 odds that a published text discloses PHI, by `classifier` (the trained model by default). */
export const phiOdds = (example: PhiExample, classifier: TextModel = model): number =>
  oddsOf(classifier, example, PHI);

/**
 * The learned net under the rules: a text the model, trained on the labelled dev splits, reads as
 * a patient's story is a block finding on the sentence that reads most like one, with the words
 * that decided it. It names no identifier, so the reviewer is told to check who the text is about.
 */
export function learnedPhiFinding(
  doc: ScanDocument,
  classifier: TextModel = model,
  threshold = LEARNED_PHI_THRESHOLD,
): PhiFinding | undefined {
  const { field, text } = doc;
  if (phiOdds({ field, text }, classifier) < threshold) return undefined;
  const [strongest] = doc.sentences
    .map((span) => ({
      span,
      odds: phiOdds({ field, text: text.slice(span.start, span.end) }, classifier),
    }))
    .sort((a, b) => b.odds - a.odds);
  const sentence = text.slice(strongest.span.start, strongest.span.end);
  const start = strongest.span.start + (sentence.length - sentence.trimStart().length);
  const end = strongest.span.start + sentence.trimEnd().length;
  const words = decidingFeatures(PHI_MODEL, phiFeatures({ field, text: sentence }), [PHI, CLEAN]);
  return doc.finding(
    'care_mention',
    'block',
    { start, end },
    `Reads like the posts about a patient in Rounds' labelled examples${
      words.length ? ` (${words.join(', ')})` : ''
    }: check who it is about before approving.`,
  );
}
