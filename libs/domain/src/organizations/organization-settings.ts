import { ChannelPlatform } from '../channels/channel.entity';
import { CONTENT_CATEGORIES, ContentCategory } from '../compliance/content-category';

/** What a content category adds to the policy when a post falls in it. */
export type RoutingRule = {
  approvers: number;
  /** The post must carry media of the patient with a valid consent record. */
  requireConsent: boolean;
};

/** How many distinct compliance officers must approve a post (README, "Posts, review and compliance"). */
export type ApprovalPolicy = {
  requiredApprovers: number;
  perPlatform: Partial<Record<ChannelPlatform, number>>;
  routing: Record<ContentCategory, RoutingRule>;
};

/** The organization's own contact points and staff: not PHI when they appear in a post. */
export type AllowList = {
  phones: string[];
  domains: string[];
  addresses: string[];
  handles: string[];
  emails: string[];
  /** Physicians and staff who are not Rounds users (users' names are allowed already). */
  staffNames: string[];
};

export const DEFAULT_APPROVAL_POLICY: ApprovalPolicy = {
  requiredApprovers: 1,
  perPlatform: {},
  routing: {
    patient_story: { approvers: 2, requireConsent: true },
    minors: { approvers: 2, requireConsent: true },
    clinical_claim: { approvers: 2, requireConsent: false },
    drug_or_device: { approvers: 2, requireConsent: false },
    crisis: { approvers: 2, requireConsent: false },
  },
};

export const EMPTY_ALLOW_LIST: AllowList = {
  phones: [],
  domains: [],
  addresses: [],
  handles: [],
  emails: [],
  staffNames: [],
};

/** The stored (possibly partial, possibly older) policy completed with today's defaults. */
export function completePolicy(stored: Partial<ApprovalPolicy> | null): ApprovalPolicy {
  const routing = Object.fromEntries(
    CONTENT_CATEGORIES.map((c) => [
      c,
      { ...DEFAULT_APPROVAL_POLICY.routing[c], ...(stored?.routing?.[c] ?? {}) },
    ]),
  ) as ApprovalPolicy['routing'];
  return {
    requiredApprovers: stored?.requiredApprovers ?? DEFAULT_APPROVAL_POLICY.requiredApprovers,
    perPlatform: { ...(stored?.perPlatform ?? {}) },
    routing,
  };
}

export function completeAllowList(stored: Partial<AllowList> | null): AllowList {
  return { ...EMPTY_ALLOW_LIST, ...(stored ?? {}) };
}
