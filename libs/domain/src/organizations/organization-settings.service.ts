import type { JsonObject } from '../common/json';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IANAZone } from 'luxon';
import { DataSource } from 'typeorm';
import type { ChannelPlatform } from '../channels/channel.entity';
import { AuditAction } from '../audit/audit-action';
import { AuditService } from '../audit/audit.service';
import type { FindingSeverity } from '../compliance/phi/phi-finding';
import { InvalidInputError } from '../common/domain-error';
import type { ContentCategory } from '../compliance/content-category';
import { Actor } from '../identity/actor';
import { definedFields } from '../posts/defined-fields';
import { OrganizationEntity } from './organization.entity';
import { loadOrganization } from './organization-store';
import {
  AllowList,
  ApprovalPolicy,
  completeAllowList,
  completePolicy,
  RoutingRule,
} from './organization-settings';

export interface OrganizationSettings {
  timeZone: string;
  approvalPolicy: ApprovalPolicy;
  allowList: AllowList;
  accessibilitySeverity: FindingSeverity;
  pausedAt: Date | null;
  pauseReason: string | null;
}

/** An admin's edit; omitted keys stay, a per-platform `null` removes that override. */
export interface SettingsChange {
  timeZone?: string;
  approvalPolicy?: {
    requiredApprovers?: number;
    perPlatform?: Partial<Record<ChannelPlatform, number | null>>;
    routing?: Partial<Record<ContentCategory, Partial<RoutingRule>>>;
  };
  allowList?: Partial<AllowList>;
  accessibilitySeverity?: FindingSeverity;
}

export function settingsOf(organization: OrganizationEntity): OrganizationSettings {
  return {
    timeZone: organization.timeZone,
    approvalPolicy: completePolicy(organization.approvalPolicy),
    allowList: completeAllowList(organization.allowList),
    accessibilitySeverity: organization.accessibilitySeverity,
    pausedAt: organization.pausedAt,
    pauseReason: organization.pauseReason,
  };
}

/** The organization's time zone, approval policy, PHI allow list and accessibility rule. */
@Injectable()
export class OrganizationSettingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async get(organizationId: string): Promise<OrganizationSettings> {
    return settingsOf(await loadOrganization(this.dataSource.manager, organizationId));
  }

  async update(actor: Actor, change: SettingsChange): Promise<OrganizationSettings> {
    if (change.timeZone !== undefined && !IANAZone.isValidZone(change.timeZone)) {
      throw new InvalidInputError('timeZone', 'timeZone must be an IANA time zone');
    }
    return this.dataSource.transaction(async (tx) => {
      const organization = await loadOrganization(tx, actor.organizationId, 'pessimistic_write');
      const before = settingsOf(organization);
      if (change.timeZone !== undefined) organization.timeZone = change.timeZone;
      if (change.approvalPolicy) {
        organization.approvalPolicy = mergePolicy(before.approvalPolicy, change.approvalPolicy);
      }
      if (change.allowList) {
        organization.allowList = { ...before.allowList, ...definedFields(change.allowList) };
      }
      if (change.accessibilitySeverity) {
        organization.accessibilitySeverity = change.accessibilitySeverity;
      }
      await tx.save(organization);
      const after = settingsOf(organization);
      await this.audit.record(tx, {
        organizationId: actor.organizationId,
        actorId: actor.userId,
        action: AuditAction.OrganizationSettingsChanged,
        subjectType: 'organization',
        subjectId: actor.organizationId,
        data: {
          changed: Object.keys(definedFields(change)),
          before: auditable(before),
          after: auditable(after),
        },
      });
      return after;
    });
  }
}

function mergePolicy(
  current: ApprovalPolicy,
  change: NonNullable<SettingsChange['approvalPolicy']>,
): ApprovalPolicy {
  const perPlatform = { ...current.perPlatform, ...definedFields(change.perPlatform) };
  for (const [platform, value] of Object.entries(perPlatform)) {
    if (value === null) delete perPlatform[platform as ChannelPlatform];
  }
  const routing = { ...current.routing };
  for (const [category, rule] of Object.entries(definedFields(change.routing))) {
    if (!rule) continue;
    routing[category as ContentCategory] = {
      ...routing[category as ContentCategory],
      ...definedFields(rule),
    };
  }
  return {
    requiredApprovers: change.requiredApprovers ?? current.requiredApprovers,
    perPlatform: perPlatform as ApprovalPolicy['perPlatform'],
    routing,
  };
}

function auditable(settings: OrganizationSettings): JsonObject {
  const { timeZone, approvalPolicy, allowList, accessibilitySeverity } = settings;
  // A platform without its own figure is absent, not undefined (undefined has no JSON form).
  const perPlatform = Object.fromEntries(
    Object.entries(approvalPolicy.perPlatform).filter(([, n]) => n !== undefined),
  ) as Record<string, number>;
  return {
    timeZone,
    approvalPolicy: { ...approvalPolicy, perPlatform },
    allowList,
    accessibilitySeverity,
  };
}
