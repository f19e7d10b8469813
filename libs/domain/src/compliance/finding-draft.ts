import type { FindingSeverity } from './phi/phi-finding';
import type { FindingLocation, FindingSource } from './compliance-finding.entity';

/** A finding before it is stored: what a scanner reports about one field of a revision. */
export interface FindingDraft {
  source: FindingSource;
  field: string;
  kind: string;
  severity: FindingSeverity;
  start: number;
  end: number;
  text: string;
  reason: string;
  mediaId?: string | null;
  location?: FindingLocation | null;
}

/** Two scans of the same text report the same finding under the same key. */
export const findingKey = (f: Pick<FindingDraft, 'field' | 'kind' | 'start' | 'end'>) =>
  `${f.field}|${f.kind}|${f.start}|${f.end}`;
