/** What a patient's message is about, in the order the inbox shows them (issue 14, part 2). */
export const FEEDBACK_CATEGORIES = [
  'safety',
  'complaint',
  'question',
  'compliment',
  'spam',
  'other',
] as const;
export type FeedbackCategory = (typeof FEEDBACK_CATEGORIES)[number];

export type FeedbackLanguage = 'en' | 'es';

/** A message's category and the words in it that decided the category. */
export interface FeedbackVerdict {
  category: FeedbackCategory;
  language: FeedbackLanguage;
  reasons: string[];
}
