const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The decaying collection timetable (README, "Metrics, reports and conversations"): age below `until` is read every `every`. */
export const COLLECTION_STEPS = [
  { until: DAY, every: 15 * MINUTE },
  { until: 7 * DAY, every: HOUR },
  { until: 90 * DAY, every: DAY },
] as const;

export const COLLECTION_ENDS_AFTER_MS = 90 * DAY;

/**
 * When a publication is next read after a reading at `now`; null once it is 90 days old. The last
 * reading falls on day 90 itself, so the final counters are kept.
 */
export function nextCollectionAt(publishedAt: Date, now: Date): Date | null {
  const end = publishedAt.getTime() + COLLECTION_ENDS_AFTER_MS;
  if (now.getTime() >= end) return null;
  const age = now.getTime() - publishedAt.getTime();
  const step = COLLECTION_STEPS.find((s) => age < s.until) ?? COLLECTION_STEPS[2];
  return new Date(Math.min(now.getTime() + step.every, end));
}
