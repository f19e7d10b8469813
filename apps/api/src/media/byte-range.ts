import type { ByteRange } from '@rounds/domain';

/**
 * One `Range: bytes=…` range of an object of `size` bytes (what video players send to seek).
 * Undefined for no or several ranges (the whole object is sent); null when it cannot be satisfied.
 */
export function parseByteRange(
  header: string | undefined,
  size: number,
): ByteRange | null | undefined {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header?.trim() ?? '');
  if (!match || (match[1] === '' && match[2] === '')) return undefined;
  const [first, last] = [match[1], match[2]];
  const range =
    first === ''
      ? { start: Math.max(size - Number(last), 0), end: size - 1 } // the last N bytes
      : { start: Number(first), end: last === '' ? size - 1 : Math.min(Number(last), size - 1) };
  return range.start <= range.end && range.start < size ? range : null;
}
