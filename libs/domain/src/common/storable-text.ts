// PostgreSQL stores neither U+0000 (text, jsonb) nor a lone UTF-16 surrogate (invalid in jsonb).
// eslint-disable-next-line no-control-regex -- U+0000 is the very character refused
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** True when PostgreSQL can store the string as text and inside jsonb. */
export function isStorableText(text: string): boolean {
  UNSTORABLE.lastIndex = 0;
  return !UNSTORABLE.test(text);
}

/** Text from outside (a platform's answer) made storable: NULs dropped, lone surrogates as U+FFFD. */
export function toStorableText(text: string): string {
  return text.replace(UNSTORABLE, (char) => (char === '\u0000' ? '' : '\ufffd'));
}
