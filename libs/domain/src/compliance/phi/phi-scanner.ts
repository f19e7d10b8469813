import { detectAddresses } from './detectors/address.detector';
import { detectAges } from './detectors/age.detector';
import { detectDates } from './detectors/date.detector';
import { detectHashtagNames } from './detectors/hashtag-name.detector';
import { detectIdentifierOwners } from './detectors/identifier-owner.detector';
import { detectIdentifiers } from './detectors/identifier.detector';
import { scanLinks } from './detectors/link.detector';
import { detectNamedLinks } from './detectors/named-link.detector';
import { detectPhones } from './detectors/phone.detector';
import { detectReplyDisclosures } from './detectors/reply-guard.detector';
import { detectSelfDisclosures } from './detectors/self-disclosure.detector';
import { detectSubjects } from './detectors/subject.detector';
import { detectTagNames } from './detectors/tag-name.detector';
import { detectCareMentions } from './detectors/care-mention.detector';
import { detectLocators } from './detectors/locator.detector';
import { detectNetworkAddresses } from './detectors/network.detector';
import { detectPhotoReferences } from './detectors/photo-reference.detector';
import { detectRestrictedTerms } from './detectors/restricted-term.detector';
import type { PhiFinding, PhiKind, ScanContext } from './phi-finding';
import type { PublishedField } from './published-field';
import { ScanDocument } from './scan-document';
import { learnedPhiFinding } from './learned-phi';
import { detectLanguage } from './scan-language';
import { overlaps } from './scan-text';

// Overlapping findings within one family are the same identifier seen twice; keep the strongest.
const FAMILY: Record<PhiKind, string> = {
  ssn: 'number',
  record_number: 'number',
  health_plan_id: 'number',
  account_number: 'number',
  license_number: 'number',
  vehicle_identifier: 'number',
  device_identifier: 'number',
  phone: 'number',
  fax: 'number',
  ip_address: 'number',
  date_of_birth: 'date',
  admission_date: 'date',
  patient_confirmation: 'reply',
  care_mention: 'reply',
  patient_name: 'patient_name',
  email: 'email',
  street_address: 'street_address',
  zip_code: 'zip_code',
  room_location: 'room_location',
  photo_reference: 'photo_reference',
  restricted_term: 'restricted_term',
  age_over_89: 'age_over_89',
  identifying_url: 'identifying_url',
  identifying_handle: 'identifying_handle',
};

/**
 * Finds protected health information (and the organization's restricted terms) in published
 * text, in English or Spanish. Pure and stateless: one instance can be shared.
 */
export class PhiScanner {
  /** `learned`: the net under the rules (replaceable to evaluate another model). */
  constructor(
    private readonly learned: (doc: ScanDocument) => PhiFinding | undefined = learnedPhiFinding,
  ) {}

  /** Posts: every HIPAA identifier that can appear in social copy, sorted by position. */
  scan(text: string, context?: ScanContext): PhiFinding[] {
    return this.scanField('post', text, context);
  }

  /** Replies to the public: scan() plus the rule that a reply must not confirm care. */
  scanReply(text: string, context?: ScanContext): PhiFinding[] {
    return this.scanField('reply', text, context);
  }

  /** Any published field (title, description, caption track, alt text, tags) by its kind. */
  scanField(field: PublishedField, text: string, context?: ScanContext): PhiFinding[] {
    const doc = new ScanDocument(text, context, field, detectLanguage(text));
    const links = scanLinks(doc);
    doc.maskSpans(links.masked);
    const findings = [
      ...links.findings,
      ...detectNetworkAddresses(doc),
      ...detectSubjects(doc, links.handles),
      ...detectHashtagNames(doc),
      ...detectTagNames(doc),
      ...detectIdentifiers(doc),
      ...detectPhones(doc),
      ...detectAddresses(doc),
      ...detectLocators(doc),
      ...detectDates(doc),
      ...detectAges(doc),
      ...detectSelfDisclosures(doc),
      ...(doc.reply ? detectReplyDisclosures(doc) : []),
      ...detectRestrictedTerms(doc, context?.restrictedTerms ?? []),
    ];
    findings.push(...detectIdentifierOwners(doc, findings));
    findings.push(...detectNamedLinks(doc, [...links.urls, ...links.handles], findings));
    findings.push(...detectPhotoReferences(doc, findings));
    findings.push(...detectCareMentions(doc, findings));
    if (!findings.some((f) => f.severity === 'block' && f.kind !== 'restricted_term')) {
      const learned = this.learned(doc);
      if (learned) findings.push(learned);
    }
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
