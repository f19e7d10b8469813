import type { ChannelPlatform } from '../channels/channel.entity';
import type { ContentCategory } from '../compliance/content-category';
import type { ApprovalPolicy } from '../organizations/organization-settings';

/** What one revision needs before it may be scheduled, and why. */
export interface PolicyRequirement {
  /** Distinct approvers, none of them its author or last editor. */
  required: number;
  requireConsent: boolean;
  /** Declared and detected categories together. */
  categories: ContentCategory[];
  /** One line per rule that applied, e.g. `patient_story: 2 approvers, consent`. */
  reasons: string[];
}

/** The strictest of the organization default, each targeted platform and each category's rule. */
export function policyRequirement(
  policy: ApprovalPolicy,
  platforms: ChannelPlatform[],
  categories: ContentCategory[],
): PolicyRequirement {
  const rules = [
    { name: 'organization', approvers: policy.requiredApprovers, requireConsent: false },
    ...platforms
      .filter((p) => policy.perPlatform[p] !== undefined)
      .map((p) => ({ name: p, approvers: policy.perPlatform[p]!, requireConsent: false })),
    ...categories.map((c) => ({ name: c, ...policy.routing[c] })),
  ];
  return {
    required: Math.max(...rules.map((r) => r.approvers)),
    requireConsent: rules.some((r) => r.requireConsent),
    categories,
    reasons: rules.map(
      (r) =>
        `${r.name}: ${r.approvers} approver${r.approvers === 1 ? '' : 's'}${r.requireConsent ? ', consent' : ''}`,
    ),
  };
}
