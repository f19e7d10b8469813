import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { mergeCategories } from '../compliance/content-category';
import { completePolicy } from '../organizations/organization-settings';
import { loadOrganization } from '../organizations/organization-store';
import { PostRevisionEntity } from '../posts/post-revision.entity';
import { findChannels } from '../posts/post-store';
import { PolicyRequirement, policyRequirement } from './approval-policy';

/** The approval policy as it applies to one revision: its platforms and its categories. */
@Injectable()
export class ApprovalPolicyService {
  async requirement(
    manager: EntityManager,
    revision: PostRevisionEntity,
  ): Promise<PolicyRequirement> {
    // One after the other: `manager` may be a transaction, which has a single connection.
    const organization = await loadOrganization(manager, revision.organizationId);
    const channels = await findChannels(
      manager,
      revision.organizationId,
      revision.content.channelIds,
    );
    const platforms = [...new Set(channels.map((c) => c.platform))];
    return policyRequirement(
      completePolicy(organization.approvalPolicy),
      platforms,
      mergeCategories(revision.content.categories, revision.detectedCategories),
    );
  }
}
