/** HIPAA identifiers that can appear in social copy, plus the two reply-guard kinds. */
export type PhiKind =
  | 'patient_name'
  | 'date_of_birth'
  | 'admission_date'
  | 'phone'
  | 'email'
  | 'street_address'
  | 'zip_code'
  | 'record_number'
  | 'ssn'
  | 'health_plan_id'
  | 'age_over_89'
  | 'identifying_url'
  | 'identifying_handle'
  | 'patient_confirmation'
  | 'care_mention';

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
  };
  /** Staff and physician names the organization publishes in promotional context. */
  staffNames?: string[];
}

export const PHI_KINDS: readonly PhiKind[] = [
  'patient_name',
  'date_of_birth',
  'admission_date',
  'phone',
  'email',
  'street_address',
  'zip_code',
  'record_number',
  'ssn',
  'health_plan_id',
  'age_over_89',
  'identifying_url',
  'identifying_handle',
  'patient_confirmation',
  'care_mention',
];
