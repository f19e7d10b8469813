/** One report figure: its value, the previous period's, the change, and how it is computed. */
export interface Figure {
  value: number;
  previous: number;
  change: number;
  /** Change relative to the previous period; null when that was 0. */
  changePct: number | null;
  formula: string;
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

export function figure(value: number, previous: number, formula: string, digits = 0): Figure {
  const change = value - previous;
  return {
    value: round(value, digits),
    previous: round(previous, digits),
    change: round(change, digits),
    changePct: previous === 0 ? null : round((change / Math.abs(previous)) * 100, 1),
    formula,
  };
}

/** Engagements per impression or view; 0 with no reach. */
export const rate = (engagements: number, reach: number) => (reach > 0 ? engagements / reach : 0);

/** A rate as reports show it: four decimals. */
export const roundedRate = (part: number, whole: number) =>
  Math.round(rate(part, whole) * 10_000) / 10_000;
