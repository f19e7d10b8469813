import type { ApprovalPolicy } from '../organizations/organization-settings';
import type { ContentCategory } from './content-category';
import { FindingDraft } from './finding-draft';

/**
 * A category whose routing rule requires consent (a patient story) needs media of the patient,
 * which approval then checks for a valid consent record. Without it the post gets a blocking
 * finding, which an officer may override citing the consent form on file (a text-only story).
 */
export function consentRequirementFindings(
  categories: ContentCategory[],
  policy: ApprovalPolicy,
  hasPatientMedia: boolean,
): FindingDraft[] {
  const requiring = categories.filter((c) => policy.routing[c].requireConsent);
  if (requiring.length === 0 || hasPatientMedia) return [];
  return [
    {
      source: 'policy',
      field: 'mediaIds',
      kind: 'consent_required',
      severity: 'block',
      start: 0,
      end: 0,
      text: '',
      reason: `A ${requiring.join(' / ')} post needs media of the patient with a signed consent record; attach it, or override citing the consent form on file.`,
    },
  ];
}
