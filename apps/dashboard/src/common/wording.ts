/** "1 approval", "2 approvals". */
export const approvals = (count: number) => `${count} approval${count === 1 ? '' : 's'}`;

/** A code such as `missing_captions` as words: "Missing captions". */
export const sentenceCase = (code: string) => {
  const words = code.replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};
