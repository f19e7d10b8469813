import nlp from 'compromise';
import { detectLanguage } from '../compliance/phi/scan-language';
import type { FeedbackLanguage } from './feedback-category';

/** A message as the rules read it: English verbs and nouns as their lemmas, Spanish folded. */
export interface FeedbackText {
  language: FeedbackLanguage;
  /** Lowercased, straight quotes; accents kept for display. */
  raw: string;
  /** English: compromise's roots (`fell` → `fall`, `punched` → `punch`); Spanish: accents removed. */
  normal: string;
}

const foldAccents = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '');

export function readFeedbackText(text: string): FeedbackText {
  const raw = text.toLowerCase().replace(/[‘’]/g, "'").replace(/[“”]/g, '"');
  const language = detectLanguage(text);
  if (language === 'es') return { language, raw, normal: foldAccents(raw) };
  const doc = nlp(raw);
  doc.compute('root');
  return { language, raw, normal: `${doc.text('root')} \n ${raw}` };
}
