import { detect } from 'tinyld';

export type ScanLanguage = 'en' | 'es';

// Below this many letters tinyld guesses; a Spanish accent or ñ/¿/¡ still decides it.
const MIN_LETTERS = 12;
const SPANISH_MARKS =
  /[ñ¿¡]|\b(?:el|la|los|las|del|que|por|para|con|su|sus|una?|después|gracias)\b/i;

/** English or Spanish, the two languages the scanner has rules for. */
export function detectLanguage(text: string): ScanLanguage {
  const letters = text.replace(/[^\p{L}]/gu, '').length;
  if (letters < MIN_LETTERS) return SPANISH_MARKS.test(text) ? 'es' : 'en';
  return detect(text, { only: ['en', 'es'] }) === 'es' ? 'es' : 'en';
}
