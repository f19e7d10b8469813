import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { JsonObject } from '../../common/json';
import { AuditAction } from '../../audit/audit-action';
import { AuditService } from '../../audit/audit.service';
import { ConflictError, InvalidInputError, NotFoundError } from '../../common/domain-error';
import { TokenCipher } from '../../crypto/token-cipher';
import { Actor } from '../actor';
import { isUniqueViolation } from '../identity.service';
import { Role } from '../role';
import { OidcClient } from './oidc-client';
import { SsoConnectionEntity } from './sso-connection.entity';
import { clientSecretContext, findSsoConnection } from './sso-connection.store';

export interface SsoSettingsInput {
  slug: string;
  issuer: string;
  clientId: string;
  /** Omitted: the stored secret stays. */
  clientSecret?: string;
  emailDomains: string[];
  groupsClaim?: string;
  roleMapping: Record<string, Role>;
  defaultRole?: Role | null;
  ssoOnly: boolean;
  enabled: boolean;
}

/** What an admin sees: everything but the client secret. */
export type SsoSettings = Omit<SsoSettingsInput, 'clientSecret'> & {
  clientSecretSet: true;
  redirectUri: string;
};

/** An admin sets up the organization's OpenID Connect provider. */
@Injectable()
export class SsoSettingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cipher: TokenCipher,
    private readonly oidc: OidcClient,
    private readonly audit: AuditService,
  ) {}

  async get(organizationId: string): Promise<SsoSettings | null> {
    const connection = await findSsoConnection(this.dataSource.manager, organizationId);
    return connection && settingsOf(connection, this.oidc.redirectUri);
  }

  /**
   * Checked against the provider's discovery document before it is stored (the demo seed, run
   * before the sandbox's provider is up, skips the check).
   */
  async save(actor: Actor, input: SsoSettingsInput, checkIssuer = true): Promise<SsoSettings> {
    const existing = await findSsoConnection(this.dataSource.manager, actor.organizationId);
    const clientSecret =
      input.clientSecret ??
      (existing &&
        this.cipher.decrypt(
          existing.sealedClientSecret,
          clientSecretContext(existing.organizationId),
        ));
    if (!clientSecret) throw new InvalidInputError('clientSecret', 'clientSecret is required');
    if (checkIssuer) {
      await this.oidc.discover({ ...input, clientSecret }).catch((error: Error) => {
        throw new InvalidInputError(
          'issuer',
          `the issuer did not answer OpenID Connect discovery (${error.message})`,
        );
      });
    }
    const emailDomains = [...new Set(input.emailDomains.map((d) => d.trim().toLowerCase()))];
    return this.dataSource
      .transaction(async (tx) => {
        await this.assertDomainsFree(tx, actor.organizationId, emailDomains);
        const fields = {
          slug: input.slug,
          issuer: input.issuer,
          clientId: input.clientId,
          sealedClientSecret: this.cipher.encrypt(
            clientSecret,
            clientSecretContext(actor.organizationId),
          ),
          emailDomains,
          groupsClaim: input.groupsClaim ?? 'groups',
          roleMapping: input.roleMapping,
          defaultRole: input.defaultRole ?? null,
          ssoOnly: input.ssoOnly,
          enabled: input.enabled,
        };
        if (existing) await tx.update(SsoConnectionEntity, { id: existing.id }, fields);
        else
          await tx.insert(SsoConnectionEntity, { organizationId: actor.organizationId, ...fields });
        const saved = (await findSsoConnection(tx, actor.organizationId))!;
        const settings = settingsOf(saved, this.oidc.redirectUri);
        await this.record(tx, actor, {
          ...settings,
          clientSecretChanged: input.clientSecret !== undefined,
        });
        return settings;
      })
      .catch((error: unknown) => {
        if (isUniqueViolation(error)) {
          throw new ConflictError('another organization uses this slug', 'slug');
        }
        throw error;
      });
  }

  async remove(actor: Actor): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const removed = await tx.delete(SsoConnectionEntity, {
        organizationId: actor.organizationId,
      });
      if (!removed.affected) throw new NotFoundError('single sign-on connection');
      await this.record(tx, actor, { removed: true });
    });
  }

  /** An e-mail domain leads to one provider only. */
  private async assertDomainsFree(tx: EntityManager, organizationId: string, domains: string[]) {
    const taken = await tx
      .createQueryBuilder(SsoConnectionEntity, 'c')
      .where('c.organization_id <> :organizationId', { organizationId })
      .andWhere('c.email_domains && :domains', { domains })
      .getExists();
    if (taken) {
      throw new ConflictError(
        'another organization signs in with one of these domains',
        'emailDomains',
      );
    }
  }

  private record(tx: EntityManager, actor: Actor, data: JsonObject) {
    return this.audit.record(tx, {
      organizationId: actor.organizationId,
      actorId: actor.userId,
      action: AuditAction.SsoSettingsChanged,
      subjectType: 'organization',
      subjectId: actor.organizationId,
      data,
    });
  }
}

function settingsOf(connection: SsoConnectionEntity, redirectUri: string): SsoSettings {
  return {
    slug: connection.slug,
    issuer: connection.issuer,
    clientId: connection.clientId,
    clientSecretSet: true,
    emailDomains: connection.emailDomains,
    groupsClaim: connection.groupsClaim,
    roleMapping: connection.roleMapping,
    defaultRole: connection.defaultRole,
    ssoOnly: connection.ssoOnly,
    enabled: connection.enabled,
    redirectUri,
  };
}
