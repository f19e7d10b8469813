// Dev-only evaluation: never touches test.json.
import { readFileSync, existsSync } from 'node:fs';
import { PhiScanner } from '@rounds/domain/compliance/phi';
import { kindRecall, scoreCorpus, type CorpusItem } from '@rounds/domain/compliance/phi/phi-corpus-score';
const dir = '/work/wt/phi/test/fixtures/phi/';
const scanner = new PhiScanner();
const scan = (i: CorpusItem) => scanner.scanField(i.field, i.text, i.context);
const pct = (x: number) => (x * 100).toFixed(1);
const verbose = process.argv.includes('-v');
for (const split of ['dev', 'dev-b']) {
  const f = dir + split + '.json';
  if (!existsSync(f)) { console.log(split, 'missing'); continue; }
  const items: CorpusItem[] = JSON.parse(readFileSync(f, 'utf8'));
  for (const lang of ['all', 'en', 'es']) {
    const sub = items.filter((i) => lang === 'all' || i.lang === lang);
    const s = scoreCorpus(sub, scan);
    console.log(`${split} ${lang}: n=${sub.length} recall ${pct(s.postRecall)} fb ${pct(s.falseBlockRate)} (${s.falseBlocks}/${s.cleanItems}) span ${pct(s.spanRecall)} prec ${pct(s.precision)}`);
  }
  const k = kindRecall(items, scan);
  console.log([...k].sort((a, b) => b[1].labels - a[1].labels).map(([kind, v]) => `${kind} ${v.hit}/${v.labels}`).join('; '));
  if (verbose && (process.argv.includes(split) )) {
    const s = scoreCorpus(items, scan);
    console.log('MISSED', s.missedItems.join(' '));
    console.log('FB', s.falseBlockItems.join(' '));
  }
}
