import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { Schemas } from '../api/schema-types';

export const SETTINGS_QUERY = ['organization', 'settings'] as const;

/** The most approvers any rule may ask for (the API's own limit). */
export const MAX_APPROVERS = 10;

type Change = Schemas['UpdateSettingsDto'];
type Policy = NonNullable<Change['approvalPolicy']>;
export type Platform = keyof NonNullable<Policy['perPlatform']>;
export type Category = keyof NonNullable<Policy['routing']>;
export type AllowListKey = keyof NonNullable<Change['allowList']>;
export type Severity = NonNullable<Change['accessibilitySeverity']>;

export type Settings = Schemas['SettingsDto'];

export function useSettings() {
  return useQuery({
    queryKey: SETTINGS_QUERY,
    queryFn: () => unwrap(api.GET('/api/v1/organization/settings')),
  });
}

export const PLATFORMS: { value: Platform; label: string }[] = [
  { value: 'x', label: 'X' },
  { value: 'youtube', label: 'YouTube' },
];

export const CATEGORIES: { value: Category; label: string; description: string }[] = [
  {
    value: 'patient_story',
    label: 'Patient story',
    description: 'A patient’s own experience, recovery or testimonial.',
  },
  {
    value: 'minors',
    label: 'Shows or concerns minors',
    description: 'Children, newborns, the NICU or pediatric patients.',
  },
  {
    value: 'clinical_claim',
    label: 'Clinical claim',
    description: 'Outcomes, cure or success rates, “best care” claims.',
  },
  {
    value: 'drug_or_device',
    label: 'Drug or device mention',
    description: 'Medications, vaccines, implants, clinical trials.',
  },
  {
    value: 'crisis',
    label: 'Crisis communication',
    description: 'Lockdowns, evacuations, outbreaks, outages.',
  },
];

export const ALLOW_LISTS: { value: AllowListKey; label: string; placeholder: string }[] = [
  { value: 'phones', label: 'Phone numbers', placeholder: '312-555-0100' },
  { value: 'emails', label: 'E-mail addresses', placeholder: 'press@hospital.org' },
  { value: 'domains', label: 'Web domains', placeholder: 'hospital.org' },
  { value: 'handles', label: 'Social handles', placeholder: '@CityHospital' },
  { value: 'addresses', label: 'Street addresses', placeholder: '1200 Lake Shore Drive' },
  { value: 'staffNames', label: 'Staff names', placeholder: 'Dr. Priya Raman' },
];

/** A number field as Mantine's NumberInput holds it: `''` while empty. */
type Count = number | string;

/** What the form edits: numbers as typed, each allow list as one entry per line. */
export interface Draft {
  timeZone: string;
  requiredApprovers: Count;
  perPlatform: Record<Platform, Count>;
  routing: Record<Category, { approvers: Count; requireConsent: boolean }>;
  accessibilitySeverity: Severity;
  allowList: Record<AllowListKey, string>;
}

const mapOf = <K extends string, V>(keys: readonly { value: K }[], value: (key: K) => V) =>
  Object.fromEntries(keys.map(({ value: key }) => [key, value(key)])) as Record<K, V>;

export function toDraft(settings: Settings): Draft {
  const policy = settings.approvalPolicy;
  return {
    timeZone: settings.timeZone,
    requiredApprovers: policy.requiredApprovers,
    perPlatform: mapOf(PLATFORMS, (p) => policy.perPlatform[p] ?? ''),
    routing: mapOf(CATEGORIES, (c) => ({ ...policy.routing[c] })),
    accessibilitySeverity: settings.accessibilitySeverity,
    allowList: mapOf(ALLOW_LISTS, (k) => (settings.allowList[k] ?? []).join('\n')),
  };
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

const isApprovers = (value: Count) =>
  typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_APPROVERS;

const APPROVERS_MESSAGE = `Enter a whole number from 1 to ${MAX_APPROVERS}`;

/** The form's own checks, keyed by the API's field names so both land on the same input. */
export function validate(draft: Draft): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!draft.timeZone) errors.timeZone = 'Choose the organization’s time zone';
  if (!isApprovers(draft.requiredApprovers)) {
    errors['approvalPolicy.requiredApprovers'] = APPROVERS_MESSAGE;
  }
  for (const { value } of PLATFORMS) {
    const count = draft.perPlatform[value];
    if (count !== '' && !isApprovers(count)) {
      errors[`approvalPolicy.perPlatform.${value}`] = `${APPROVERS_MESSAGE}, or leave it empty`;
    }
  }
  for (const { value } of CATEGORIES) {
    if (!isApprovers(draft.routing[value].approvers)) {
      errors[`approvalPolicy.routing.${value}.approvers`] = APPROVERS_MESSAGE;
    }
  }
  return errors;
}

/** The API's body: only the sections that differ from what is saved, so the audit names them. */
export function toChange(draft: Draft, saved: Draft): Change {
  const change: Change = {};
  const differs = <K extends keyof Draft>(key: K) =>
    JSON.stringify(draft[key]) !== JSON.stringify(saved[key]);
  if (differs('timeZone')) change.timeZone = draft.timeZone;
  if (differs('accessibilitySeverity')) change.accessibilitySeverity = draft.accessibilitySeverity;
  if (differs('requiredApprovers') || differs('perPlatform') || differs('routing')) {
    change.approvalPolicy = {
      requiredApprovers: Number(draft.requiredApprovers),
      // An empty field removes the platform's own number (`null`).
      perPlatform: mapOf(PLATFORMS, (p) => {
        const count = draft.perPlatform[p];
        return count === '' ? null : Number(count);
      }),
      routing: mapOf(CATEGORIES, (c) => ({
        approvers: Number(draft.routing[c].approvers),
        requireConsent: draft.routing[c].requireConsent,
      })),
    };
  }
  if (differs('allowList')) change.allowList = mapOf(ALLOW_LISTS, (k) => lines(draft.allowList[k]));
  return change;
}

/** Every field the form shows an error on; any other field error goes in the alert on top. */
export const FORM_FIELDS = new Set([
  'timeZone',
  'accessibilitySeverity',
  'approvalPolicy.requiredApprovers',
  ...PLATFORMS.map((p) => `approvalPolicy.perPlatform.${p.value}`),
  ...CATEGORIES.map((c) => `approvalPolicy.routing.${c.value}.approvers`),
  ...ALLOW_LISTS.map((l) => `allowList.${l.value}`),
]);

/** IANA zones the browser knows, with the saved one even if it is an alias. */
export function timeZoneOptions(current: string): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  return zones.includes(current) ? zones : [current, ...zones].sort();
}
