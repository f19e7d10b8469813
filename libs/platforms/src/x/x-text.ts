const URL_PATTERN = /https?:\/\/\S+/g;
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>' };

/**
 * Whether a tweet read back from X carries the text Rounds sent: X returns links wrapped in t.co
 * and `&`, `<`, `>` HTML-escaped, so those differences do not count.
 */
export function sameTweetText(fromX: string, sent: string): boolean {
  return comparable(fromX) === comparable(sent);
}

function comparable(text: string): string {
  return text
    .replace(/&(amp|lt|gt);/g, (entity) => ENTITIES[entity])
    .replace(URL_PATTERN, '<link>')
    .normalize('NFC')
    .trim();
}
