import type { FeedbackCategory, FeedbackVerdict } from './feedback-category';
import { matchRules } from './feedback-rule';
import { readFeedbackText } from './feedback-text';
import {
  COMPLAINT_RULES,
  COMPLIMENT_RULES,
  ELSEWHERE_RULES,
  QUESTION_RULES,
  SPAM_RULES,
} from './message-rules';
import { CARE_FAILURE_RULES, HYPERBOLE, SAFETY_RULES } from './safety-rules';

// A story about another hospital is "other" unless the writer or their family is in it.
const FIRST_PERSON = /\b(my|our|we|me|i'm|i was|mi|mis|nuestro|nuestra)\b/;

/**
 * Sorts one incoming message. Safety is decided first and on its own cues, so praise or sarcasm
 * around a harm never hides it; then spam, care that went wrong without praise around it, questions, and complaint against compliment by weight.
 */
export function classifyFeedback(text: string): FeedbackVerdict {
  const read = readFeedbackText(text);
  const { language, normal } = read;
  const verdict = (category: FeedbackCategory, reasons: string[]): FeedbackVerdict => ({
    category,
    language,
    reasons: [...new Set(reasons)],
  });
  const elsewhere = matchRules(ELSEWHERE_RULES, language, normal);
  if (elsewhere.length > 0 && !FIRST_PERSON.test(read.raw)) return verdict('other', elsewhere);
  const harmText = normal.replace(HYPERBOLE, ' ');
  const safety = matchRules(SAFETY_RULES, language, harmText);
  if (safety.length > 0) return verdict('safety', safety);
  const spam = matchRules(SPAM_RULES, language, normal);
  if (spam.length > 0) return verdict('spam', spam);
  const compliment = matchRules(COMPLIMENT_RULES, language, normal);
  const careFailure = matchRules(CARE_FAILURE_RULES, language, harmText);
  if (careFailure.length === CARE_FAILURE_RULES.length && compliment.length === 0)
    return verdict('safety', careFailure);
  const question = matchRules(QUESTION_RULES, language, language === 'es' ? normal : read.raw);
  if (question.length > 0) return verdict('question', question);
  const complaint = matchRules(COMPLAINT_RULES, language, normal);
  if (compliment.length > 0 && compliment.length >= complaint.length)
    return verdict('compliment', compliment);
  if (complaint.length > 0) return verdict('complaint', complaint);
  return verdict('other', []);
}
