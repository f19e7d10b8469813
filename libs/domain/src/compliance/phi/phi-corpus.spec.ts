import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scoreCorpus, type CorpusItem } from './phi-corpus-score';
import { PHI_KINDS } from './phi-finding';
import { PhiScanner } from './phi-scanner';

// The dev split only: the test split is scored by `npm run bench -- phi` and never tuned on.
const corpus: CorpusItem[] = JSON.parse(
  readFileSync(join(__dirname, '../../../../../test/fixtures/phi/dev.json'), 'utf8'),
);
const scanner = new PhiScanner();
const scan = (item: CorpusItem) => scanner.scanField(item.field, item.text, item.context);

describe('PHI corpus, dev split (test/fixtures/phi/dev.json)', () => {
  it('holds at least 180 posts and 30 replies, about half of them carrying PHI', () => {
    const posts = corpus.filter((i) => i.field !== 'reply');
    const phiPosts = posts.filter((i) => i.phi.length > 0);
    expect(posts.length).toBeGreaterThanOrEqual(180);
    expect(corpus.filter((i) => i.field === 'reply').length).toBeGreaterThanOrEqual(30);
    expect(phiPosts.length / posts.length).toBeGreaterThan(0.4);
    expect(phiPosts.length / posts.length).toBeLessThan(0.6);
    expect(new Set(corpus.map((i) => i.id)).size).toBe(corpus.length);
  });

  it('labels every span with a known kind and text found exactly once in its item', () => {
    const bad = corpus.flatMap((item) =>
      item.phi
        .filter((l) => {
          const at = item.text.indexOf(l.text);
          return !PHI_KINDS.includes(l.kind) || at < 0 || item.text.indexOf(l.text, at + 1) >= 0;
        })
        .map((l) => `${item.id}: ${l.kind} "${l.text}"`),
    );
    expect(bad).toEqual([]);
  });

  it('catches at least 99% of items that carry PHI', () => {
    const score = scoreCorpus(corpus, scan);
    expect(score.missedItems.slice(Math.floor(score.phiItems * 0.01))).toEqual([]);
    expect(score.postRecall).toBeGreaterThanOrEqual(0.99);
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
});
