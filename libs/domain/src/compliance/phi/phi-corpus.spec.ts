import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scoreCorpus, type CorpusItem } from './phi-corpus-score';
import { PHI_KINDS } from './phi-finding';
import { PhiScanner } from './phi-scanner';

// The dev splits only: the test split is scored by `npm run bench -- phi` and never tuned on.
// dev.json is what the detectors were written against; dev-b.json (601 items) and dev-c.json (554
// items), dev-d.json (520) and dev-e.json (480) were written after them, by someone who never saw
// them, to check that a rule tuned on dev generalises (all have since been tuned on, and the learned
// net is trained on all five).
const load = (split: string): CorpusItem[] =>
  JSON.parse(
    readFileSync(join(__dirname, `../../../../../test/fixtures/phi/${split}.json`), 'utf8'),
  );
const scanner = new PhiScanner();
const scan = (item: CorpusItem) => scanner.scanField(item.field, item.text, item.context);

// Floors against regressions a little under today's figures (dev 0.98, dev-b 0.96, dev-c 0.99,
// dev-d 0.99, dev-e 1.0, the learned net included);
// issue 12's goal of 0.95 is checked on the frozen test split by `npm run bench -- phi`, which no
// split here may be tuned to.
const SPLITS: { split: string; minRecall: number }[] = [
  { split: 'dev', minRecall: 0.96 },
  { split: 'dev-b', minRecall: 0.93 },
  { split: 'dev-c', minRecall: 0.93 },
  { split: 'dev-d', minRecall: 0.95 },
  { split: 'dev-e', minRecall: 0.95 },
];

describe.each(SPLITS)(
  'PHI corpus, $split split (test/fixtures/phi/$split.json)',
  ({ split, minRecall }) => {
    const corpus = load(split);

    it('holds at least 180 posts and 30 replies, about half of them carrying PHI', () => {
      const posts = corpus.filter((i) => i.field !== 'reply');
      const phiPosts = posts.filter((i) => i.phi.length > 0);
      expect(posts.length).toBeGreaterThanOrEqual(180);
      expect(corpus.filter((i) => i.field === 'reply').length).toBeGreaterThanOrEqual(30);
      expect(phiPosts.length / posts.length).toBeGreaterThan(0.4);
      expect(phiPosts.length / posts.length).toBeLessThan(0.6);
      expect(new Set(corpus.map((i) => i.id)).size).toBe(corpus.length);
    });

    // The writers' labels may repeat a name the text repeats; the scorer takes its first place.
    it('labels every span with a known kind and text found in its item', () => {
      const bad = corpus.flatMap((item) =>
        item.phi
          .filter((l) => !PHI_KINDS.includes(l.kind) || item.text.indexOf(l.text) < 0)
          .map((l) => `${item.id}: ${l.kind} "${l.text}"`),
      );
      expect(bad).toEqual([]);
    });

    it(`catches at least ${minRecall * 100}% of items that carry PHI`, () => {
      expect(scoreCorpus(corpus, scan).postRecall).toBeGreaterThanOrEqual(minRecall);
    });

    it('blocks at most 3% of clean items', () => {
      const score = scoreCorpus(corpus, scan);
      expect(score.falseBlockItems.slice(Math.floor(score.cleanItems * 0.03))).toEqual([]);
      expect(score.falseBlockRate).toBeLessThanOrEqual(0.03);
    });

    it('returns findings whose span is exactly their text on every item', () => {
      const broken = corpus.flatMap((item) =>
        scan(item)
          .filter((f) => item.text.slice(f.start, f.end) !== f.text)
          .map((f) => `${item.id}: ${f.kind} ${f.start}-${f.end}`),
      );
      expect(broken).toEqual([]);
    });
  },
);
