import { detectAddresses } from './detectors/address.detector';
import { detectAges } from './detectors/age.detector';
import { detectDates } from './detectors/date.detector';
import { detectIdentifiers } from './detectors/identifier.detector';
import { scanLinks } from './detectors/link.detector';
import { detectPhones } from './detectors/phone.detector';
import { detectReplyDisclosures } from './detectors/reply-guard.detector';
import { detectSubjects } from './detectors/subject.detector';
import type { PhiFinding, PhiKind, ScanContext } from './phi-finding';
import { ScanDocument } from './scan-document';
import { overlaps } from './scan-text';

// Overlapping findings within one family are the same identifier seen twice; keep the strongest.
const FAMILY: Record<PhiKind, string> = {
  ssn: 'number',
  record_number: 'number',
  health_plan_id: 'number',
  phone: 'number',
  date_of_birth: 'date',
  admission_date: 'date',
  patient_confirmation: 'reply',
  care_mention: 'reply',
  patient_name: 'patient_name',
  email: 'email',
  street_address: 'street_address',
  zip_code: 'zip_code',
  age_over_89: 'age_over_89',
  identifying_url: 'identifying_url',
  identifying_handle: 'identifying_handle',
};

/**
 * Finds protected health information in social copy. Pure and stateless: one instance can be
 * shared, and a scan is a few hundred microseconds.
 */
export class PhiScanner {
  /** Posts: every HIPAA identifier that can appear in social copy, sorted by position. */
  scan(text: string, context?: ScanContext): PhiFinding[] {
    return this.run(text, context, false);
  }

  /** Replies to the public: scan() plus the rule that a reply must not confirm care. */
  scanReply(text: string, context?: ScanContext): PhiFinding[] {
    return this.run(text, context, true);
  }

  private run(text: string, context: ScanContext | undefined, reply: boolean): PhiFinding[] {
    const doc = new ScanDocument(text, context, reply);
    const links = scanLinks(doc);
    doc.maskSpans(links.masked);
    const findings = [
      ...links.findings,
      ...detectSubjects(doc, links.handles),
      ...detectIdentifiers(doc),
      ...detectPhones(doc),
      ...detectAddresses(doc),
      ...detectDates(doc),
      ...detectAges(doc),
      ...(reply ? detectReplyDisclosures(doc) : []),
    ];
    return dedupe(findings).sort((a, b) => a.start - b.start || a.end - b.end);
  }
}

function dedupe(findings: PhiFinding[]): PhiFinding[] {
  const ranked = [...findings].sort(
    (a, b) =>
      Number(b.severity === 'block') - Number(a.severity === 'block') ||
      b.end - b.start - (a.end - a.start),
  );
  const kept: PhiFinding[] = [];
  for (const f of ranked) {
    if (!kept.some((k) => FAMILY[k.kind] === FAMILY[f.kind] && overlaps(k, f))) kept.push(f);
  }
  return kept;
}
