import type { FindingSeverity, PhiFinding, PhiKind, ScanContext } from './phi-finding';
import type { PublishedField } from './published-field';

/** One labelled item of test/fixtures/phi/{dev,test}.json. */
export interface CorpusItem {
  id: string;
  lang: 'en' | 'es';
  field: PublishedField;
  text: string;
  /** Every PHI span a privacy officer marked; `severity` is set only for warn-level signals. */
  phi: { kind: PhiKind; text: string; severity?: FindingSeverity }[];
  context?: ScanContext;
}

export type ScanFn = (item: CorpusItem) => PhiFinding[];

export interface CorpusScore {
  phiItems: number;
  cleanItems: number;
  /** PHI items caught: any block finding, or any finding when every label is warn-level. */
  caught: number;
  falseBlocks: number;
  postRecall: number;
  falseBlockRate: number;
  labels: number;
  labelsHit: number;
  spanRecall: number;
  findings: number;
  findingsCorrect: number;
  precision: number;
  missedItems: string[];
  falseBlockItems: string[];
}

// Kinds a reviewer would accept for one another when scoring spans.
const GROUP: Record<PhiKind, string> = {
  patient_name: 'name',
  date_of_birth: 'date',
  admission_date: 'date',
  phone: 'phone',
  fax: 'phone',
  email: 'email',
  street_address: 'place',
  zip_code: 'place',
  room_location: 'place',
  record_number: 'number',
  ssn: 'number',
  health_plan_id: 'number',
  account_number: 'number',
  license_number: 'number',
  vehicle_identifier: 'device',
  device_identifier: 'device',
  ip_address: 'link',
  age_over_89: 'age',
  identifying_url: 'link',
  identifying_handle: 'link',
  photo_reference: 'photo',
  patient_confirmation: 'reply',
  care_mention: 'reply',
  restricted_term: 'restricted',
};

const words = (s: string) => new Set(s.toLowerCase().match(/[a-z]{3,}/g) ?? []);

interface Span {
  start: number;
  end: number;
}
type Label = CorpusItem['phi'][number] & Span;

const compatible = (f: PhiFinding, l: Label) => GROUP[f.kind] === GROUP[l.kind];
const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/** Correct when it overlaps a compatible label, or repeats a labelled name ("Henry" after "Henry Liu"). */
function isCorrect(f: PhiFinding, labels: readonly Label[]): boolean {
  const fw = words(f.text);
  return labels.some(
    (l) => compatible(f, l) && (overlaps(f, l) || [...words(l.text)].some((w) => fw.has(w))),
  );
}

/** A PHI item is caught by any block finding, or by any finding when every label is warn-level. */
function isCaught(findings: readonly PhiFinding[], labels: readonly Label[]): boolean {
  const warnOnly = labels.every((l) => l.severity === 'warn');
  return warnOnly ? findings.length > 0 : findings.some((f) => f.severity === 'block');
}

/** Share of each kind's labelled spans that a compatible finding overlaps. */
export function kindRecall(
  items: readonly CorpusItem[],
  scan: ScanFn,
): Map<PhiKind, { labels: number; hit: number }> {
  const byKind = new Map<PhiKind, { labels: number; hit: number }>();
  for (const item of items) {
    const findings = scan(item);
    for (const l of labelsOf(item)) {
      const k = byKind.get(l.kind) ?? { labels: 0, hit: 0 };
      k.labels++;
      if (findings.some((f) => compatible(f, l) && overlaps(f, l))) k.hit++;
      byKind.set(l.kind, k);
    }
  }
  return byKind;
}

function labelsOf(item: CorpusItem): Label[] {
  return item.phi.map((l) => {
    const start = item.text.indexOf(l.text);
    return { ...l, start, end: start + l.text.length };
  });
}

export function scoreCorpus(items: readonly CorpusItem[], scan: ScanFn): CorpusScore {
  let phiItems = 0;
  let labelCount = 0;
  let labelsHit = 0;
  let findingCount = 0;
  let findingsCorrect = 0;
  const missedItems: string[] = [];
  const falseBlockItems: string[] = [];
  for (const item of items) {
    const findings = scan(item);
    const labels = labelsOf(item);
    if (labels.length === 0 && findings.some((f) => f.severity === 'block')) {
      falseBlockItems.push(item.id);
    }
    if (labels.length > 0) {
      phiItems++;
      if (!isCaught(findings, labels)) missedItems.push(item.id);
    }
    labelCount += labels.length;
    labelsHit += labels.filter((l) =>
      findings.some((f) => compatible(f, l) && overlaps(f, l)),
    ).length;
    findingCount += findings.length;
    findingsCorrect += findings.filter((f) => isCorrect(f, labels)).length;
  }
  const cleanItems = items.length - phiItems;
  const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
  return {
    phiItems,
    cleanItems,
    caught: phiItems - missedItems.length,
    falseBlocks: falseBlockItems.length,
    postRecall: ratio(phiItems - missedItems.length, phiItems),
    falseBlockRate: cleanItems === 0 ? 0 : falseBlockItems.length / cleanItems,
    labels: labelCount,
    labelsHit,
    spanRecall: ratio(labelsHit, labelCount),
    findings: findingCount,
    findingsCorrect,
    precision: ratio(findingsCorrect, findingCount),
    missedItems,
    falseBlockItems,
  };
}
