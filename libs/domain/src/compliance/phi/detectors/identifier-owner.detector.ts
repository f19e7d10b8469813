import type { PhiFinding, PhiKind } from '../phi-finding';
import type { ScanDocument } from '../scan-document';

// Details that belong to one person: whoever is named beside them is who they identify.
const PERSONAL_DETAIL: ReadonlySet<PhiKind> = new Set<PhiKind>([
  'ssn',
  'record_number',
  'health_plan_id',
  'account_number',
  'license_number',
  'vehicle_identifier',
  'device_identifier',
  'ip_address',
  'email',
  'phone',
  'fax',
  'street_address',
  'zip_code',
  'date_of_birth',
  'admission_date',
  'age_over_89',
  'identifying_url',
  'identifying_handle',
]);
// "Curtis Odom's DL #", "Gary Simmons's home address": the detail is theirs whatever its severity.
const POSSESSIVE_GAP = 40;

/**
 * A person the name detector left open, named in the sentence that leaks a record number, a
 * licence, an address or a date of theirs: the person those details identify.
 */
export function detectIdentifierOwners(
  doc: ScanDocument,
  found: readonly PhiFinding[],
): PhiFinding[] {
  const details = found.filter((f) => PERSONAL_DETAIL.has(f.kind));
  return doc.undecided.flatMap((person) => {
    const sentence = doc.sentenceAt(person.start);
    const possessive = /^['’]s?\b/.test(doc.text.slice(person.end, person.end + 2));
    const owns = details.some(
      (f) =>
        f.start >= sentence.start &&
        f.start < sentence.end &&
        (f.severity === 'block' ||
          (possessive && f.start > person.end && f.start - person.end <= POSSESSIVE_GAP)),
    );
    if (!owns) return [];
    const name = doc.text.slice(person.start, person.end);
    doc.patients.push(person);
    return [
      doc.finding(
        'patient_name',
        'block',
        person,
        `Names "${name}" next to identifiers of theirs (numbers, contact details or dates).`,
      ),
    ];
  });
}
