import type { FeedbackCategory, FeedbackVerdict } from './feedback-category';
import { matchRules } from './feedback-rule';
import { type FeedbackText, readFeedbackText } from './feedback-text';
import { learnedSafety, safetyWords } from './learned-safety';
import {
  COMPLAINT_RULES,
  COMPLIMENT_RULES,
  ELSEWHERE_RULES,
  GENERAL_QUESTION_RULES,
  QUESTION_RULES,
  SPAM_RULES,
} from './message-rules';
import {
  CARE_FAILURE_RULES,
  GRATITUDE,
  HARM_RULES,
  HYPERBOLE,
  NEGLIGENCE,
  SARCASM,
  STRONG_SAFETY_RULES,
} from './safety-rules';

// A story about another hospital is "other" unless the writer or their family is in it.
const FIRST_PERSON = /\b(my|our|we|me|i'm|i was|mi|mis|nuestro|nuestra)\b/;

/**
 * Sorts one incoming message. Safety comes first: self-harm, threats, abuse and medication errors
 * whatever surrounds them; an injury, neglect or a hazard too, unless the message thanks the
 * hospital and blames nobody (a recovery story). Then spam, care that went wrong without praise
 * around it, and harm that only the learned model reads (`learned`, replaceable to evaluate another
 * model); then questions, and complaint against compliment by weight.
 */
export function classifyFeedback(
  text: string,
  learned: (read: FeedbackText) => boolean = learnedSafety,
): FeedbackVerdict {
  const read = readFeedbackText(text);
  const { language, normal } = read;
  const verdict = (category: FeedbackCategory, reasons: string[]): FeedbackVerdict => ({
    category,
    language,
    reasons: [...new Set(reasons)],
  });
  const firstPerson = FIRST_PERSON.test(read.raw);
  // A question about the video or the news is still a question.
  const elsewhere = matchRules(ELSEWHERE_RULES, language, normal);
  if (elsewhere.length > 0 && !firstPerson && !read.raw.includes('?'))
    return verdict('other', elsewhere);
  const general = matchRules(GENERAL_QUESTION_RULES, language, read.raw);
  if (general.length > 0 && !firstPerson) return verdict('question', general);
  const harmText = normal.replace(HYPERBOLE, ' ');
  const strong = matchRules(STRONG_SAFETY_RULES, language, harmText);
  if (strong.length > 0) return verdict('safety', strong);
  const spam = matchRules(SPAM_RULES, language, normal);
  if (spam.length > 0) return verdict('spam', spam);
  const sarcastic = SARCASM.test(read.raw);
  const thanks = sarcastic ? [] : matchRules(COMPLIMENT_RULES, language, normal);
  const harm = matchRules(HARM_RULES, language, harmText);
  const grateful = sarcastic ? [] : matchRules([GRATITUDE], language, normal);
  const blamed = matchRules([NEGLIGENCE], language, harmText);
  if (harm.length > 0 && (grateful.length === 0 || blamed.length > 0))
    return verdict('safety', [...harm, ...blamed]);
  const careFailure = matchRules(CARE_FAILURE_RULES, language, harmText);
  if (careFailure.length === CARE_FAILURE_RULES.length && thanks.length === 0)
    return verdict('safety', careFailure);
  if (harm.length > 0) return verdict('compliment', grateful);
  // Harm in words no rule lists: the model trained on the labelled dev messages.
  if (learned(read)) return verdict('safety', safetyWords(read));
  const question = matchRules(QUESTION_RULES, language, language === 'es' ? normal : read.raw);
  if (question.length > 0) return verdict('question', question);
  const complaint = matchRules(COMPLAINT_RULES, language, normal);
  if (thanks.length > 0 && thanks.length >= complaint.length) return verdict('compliment', thanks);
  if (complaint.length > 0) return verdict('complaint', complaint);
  return verdict('other', []);
}
