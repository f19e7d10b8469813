/** HIPAA identifiers that can appear in published copy, the two reply-guard kinds, and restricted terms. */
export type PhiKind =
  | 'patient_name'
  | 'date_of_birth'
  | 'admission_date'
  | 'phone'
  | 'fax'
  | 'email'
  | 'street_address'
  | 'zip_code'
  | 'record_number'
  | 'ssn'
  | 'health_plan_id'
  | 'account_number'
  | 'license_number'
  | 'vehicle_identifier'
  | 'device_identifier'
  | 'ip_address'
  | 'age_over_89'
  | 'room_location'
  | 'identifying_url'
  | 'identifying_handle'
  | 'photo_reference'
  | 'patient_confirmation'
  | 'care_mention'
  /** One of the organization's confidential terms (not PHI, flagged and overridden the same way). */
  | 'restricted_term';

export type FindingSeverity = 'block' | 'warn';

export interface PhiFinding {
  kind: PhiKind;
  severity: FindingSeverity;
  /** UTF-16 offsets: `text.slice(start, end) === finding.text`. */
  start: number;
  end: number;
  text: string;
  /** One sentence a compliance officer understands; never the whole post. */
  reason: string;
}

export interface ScanContext {
  /** The organization's own contact points, which are never PHI. */
  allowList?: {
    phones?: string[];
    domains?: string[];
    addresses?: string[];
    handles?: string[];
    emails?: string[];
    /** Staff, physicians and donors the organization names in promotional context. */
    names?: string[];
  };
  /** The organization's confidential terms, flagged wherever they appear. */
  restrictedTerms?: readonly RestrictedTermRule[];
}

/** A confidential word, phrase or pattern (`/regex/`) of one organization. */
export interface RestrictedTermRule {
  term: string;
  severity: FindingSeverity;
}

export const PHI_KINDS: readonly PhiKind[] = [
  'patient_name',
  'date_of_birth',
  'admission_date',
  'phone',
  'fax',
  'email',
  'street_address',
  'zip_code',
  'record_number',
  'ssn',
  'health_plan_id',
  'account_number',
  'license_number',
  'vehicle_identifier',
  'device_identifier',
  'ip_address',
  'age_over_89',
  'room_location',
  'identifying_url',
  'identifying_handle',
  'photo_reference',
  'patient_confirmation',
  'care_mention',
  'restricted_term',
];
