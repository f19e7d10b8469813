// Patient-feedback classifier benchmark (issue 14, part 2): per-category precision and recall,
// overall accuracy, and safety recall/precision per language on the dev splits and the frozen test split,
// beside a naive keyword baseline. Exits non-zero when the TEST split misses safety recall >= 0.95
// or precision >= 0.8. Test items are never printed, only aggregates.
// Run: npm run bench -- feedback
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  classifyFeedback,
  FEEDBACK_CATEGORIES,
  type FeedbackCategory,
} from '@rounds/domain/feedback';
import {
  scoreFeedback,
  type FeedbackCorpusItem,
  type FeedbackCorpusScore,
} from '@rounds/domain/feedback/feedback-corpus-score';

const CORPUS_DIR = join(__dirname, '..', 'test', 'fixtures', 'feedback');
/** Splits the rules may be tuned on (dev-b: a second writer's, added as it was delivered). */
const DEV_SPLITS = ['dev', 'dev-b', 'dev-c', 'dev-d'];
const GOAL = { safetyRecall: 0.95, safetyPrecision: 0.8 };

// What a junior would write first: one keyword list per category, first hit wins.
const NAIVE_KEYWORDS: [FeedbackCategory, RegExp][] = [
  [
    'safety',
    /\b(fell|fall|injur\w*|wrong med\w*|abuse\w*|suicid\w*|kill|hurt|bleed\w*|se cayó|abuso)\b/i,
  ],
  ['spam', /\b(free|click|link|follow|giveaway|crypto|dm|gratis|sorteo)\b/i],
  ['question', /\?/],
  ['complaint', /\b(wait\w*|rude|bill|worst|terrible|never|espera|malo|pésimo)\b/i],
  ['compliment', /\b(thank\w*|great|amazing|love|best|gracias|excelente)\b/i],
];
const naive = (item: FeedbackCorpusItem): FeedbackCategory =>
  NAIVE_KEYWORDS.find(([, pattern]) => pattern.test(item.text))?.[0] ?? 'other';
const ours = (item: FeedbackCorpusItem): FeedbackCategory => classifyFeedback(item.text).category;

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const cols = (cells: string[], widths: number[]) =>
  cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('');

interface SplitResult {
  byLang: Map<string, FeedbackCorpusScore>;
}

function reportSplit(name: string, items: FeedbackCorpusItem[]): SplitResult {
  const langs = ['all', 'en', 'es'];
  const subset = (lang: string) => items.filter((i) => lang === 'all' || i.lang === lang);
  const byLang = new Map(langs.map((l) => [l, scoreFeedback(subset(l), ours)]));
  const baseline = scoreFeedback(items, naive);
  const all = byLang.get('all')!;
  const w = [14, 10, 12, 10, 16, 14];
  console.log(`\n== ${name} split: ${items.length} items ==`);
  console.log(
    cols(['category', 'labelled', 'precision', 'recall', 'naive precision', 'naive recall'], w),
  );
  for (const category of FEEDBACK_CATEGORIES) {
    const s = all.byCategory.get(category)!;
    const n = baseline.byCategory.get(category)!;
    console.log(
      cols(
        [
          category,
          `${s.labelled}`,
          pct(s.precision),
          pct(s.recall),
          pct(n.precision),
          pct(n.recall),
        ],
        w,
      ),
    );
  }
  console.log(`accuracy ${pct(all.accuracy)} (naive ${pct(baseline.accuracy)})`);
  for (const lang of ['en', 'es']) {
    const s = byLang.get(lang)!.byCategory.get('safety')!;
    console.log(
      `safety ${lang}: recall ${pct(s.recall)} (${s.correct}/${s.labelled}), precision ${pct(s.precision)} (${s.correct}/${s.predicted})`,
    );
  }
  return { byLang };
}

function gateFailures(test: SplitResult | undefined): string[] {
  if (!test) return ['the test split (test/fixtures/feedback/test.json) is missing'];
  const failures: string[] = [];
  for (const [lang, score] of test.byLang) {
    const safety = score.byCategory.get('safety')!;
    if (safety.recall < GOAL.safetyRecall)
      failures.push(`${lang} safety recall ${pct(safety.recall)} < 95%`);
    if (safety.precision < GOAL.safetyPrecision)
      failures.push(`${lang} safety precision ${pct(safety.precision)} < 80%`);
  }
  return failures;
}

function load(split: string): FeedbackCorpusItem[] | undefined {
  const file = join(CORPUS_DIR, `${split}.json`);
  return existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as FeedbackCorpusItem[])
    : undefined;
}

function main(): void {
  for (const split of DEV_SPLITS) {
    const dev = load(split)!;
    reportSplit(split, dev);
    // Dev items may be read and tuned on; the test split's items are never printed.
    const devMissed = scoreFeedback(dev, ours).missed.get('safety')!;
    console.log(`\n${split} missed safety items: ${devMissed.join(', ') || 'none'}`);
  }
  const test = load('test');
  const failures = gateFailures(test && reportSplit('test (frozen)', test));
  console.log(
    failures.length === 0
      ? '\ntest split meets the safety goals of issue 14'
      : `\ntest split misses: ${failures.join('; ')}`,
  );
  process.exitCode = failures.length === 0 ? 0 : 1;
}

main();
