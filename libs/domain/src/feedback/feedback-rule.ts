import type { FeedbackLanguage } from './feedback-category';

/** One readable cue: a named pattern per language, matched against the read text. */
export interface FeedbackRule {
  cue: string;
  en?: RegExp;
  es?: RegExp;
}

/** The words each rule found in the text, in rule order; a rule without a match adds nothing. */
export function matchRules(
  rules: readonly FeedbackRule[],
  language: FeedbackLanguage,
  text: string,
): string[] {
  return rules.flatMap((rule) => {
    const pattern = rule[language];
    const found = pattern ? new RegExp(pattern.source, 'g').exec(text) : null;
    return found ? [found[0].trim()] : [];
  });
}
