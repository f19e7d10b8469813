/**
 * The colours channels are told apart by in the calendar, each dark enough to carry white text
 * (contrast at least 5.4:1, WCAG AA), in the order they are handed out.
 */
export const CHANNEL_COLORS = [
  '#0b6e99',
  '#b42318',
  '#027a48',
  '#6941c6',
  '#b54708',
  '#c11574',
  '#3538cd',
  '#0e7090',
  '#4d5761',
  '#854a0e',
];

/** The first colour no other channel of the organization has; past ten they repeat in turn. */
export function nextChannelColor(taken: string[]): string {
  return (
    CHANNEL_COLORS.find((color) => !taken.includes(color)) ??
    CHANNEL_COLORS[taken.length % CHANNEL_COLORS.length]
  );
}
