import {
  FEEDBACK_CATEGORIES,
  type FeedbackCategory,
  type FeedbackLanguage,
} from './feedback-category';

/** One labelled item of test/fixtures/feedback/{dev,test}.json (a classifier reads `text` only). */
export interface FeedbackCorpusItem {
  id: string;
  lang: FeedbackLanguage;
  text: string;
  category: FeedbackCategory;
}

export interface CategoryScore {
  labelled: number;
  predicted: number;
  correct: number;
  precision: number;
  recall: number;
}

export interface FeedbackCorpusScore {
  items: number;
  accuracy: number;
  byCategory: Map<FeedbackCategory, CategoryScore>;
  /** Ids of items whose category was missed, by their labelled category. */
  missed: Map<FeedbackCategory, string[]>;
}

// An empty denominator scores 1: nothing to find, or nothing claimed.
const ratio = (part: number, whole: number) => (whole === 0 ? 1 : part / whole);

export function scoreFeedback(
  items: readonly FeedbackCorpusItem[],
  classify: (item: FeedbackCorpusItem) => FeedbackCategory,
): FeedbackCorpusScore {
  const predictions = items.map((item) => ({ item, predicted: classify(item) }));
  const byCategory = new Map(
    FEEDBACK_CATEGORIES.map((category) => {
      const labelled = predictions.filter((p) => p.item.category === category);
      const predicted = predictions.filter((p) => p.predicted === category);
      const correct = labelled.filter((p) => p.predicted === category).length;
      return [
        category,
        {
          labelled: labelled.length,
          predicted: predicted.length,
          correct,
          precision: ratio(correct, predicted.length),
          recall: ratio(correct, labelled.length),
        },
      ];
    }),
  );
  const missed = new Map(
    FEEDBACK_CATEGORIES.map((category) => [
      category,
      predictions
        .filter((p) => p.item.category === category && p.predicted !== category)
        .map((p) => p.item.id),
    ]),
  );
  const correct = predictions.filter((p) => p.predicted === p.item.category).length;
  return { items: items.length, accuracy: ratio(correct, items.length), byCategory, missed };
}
