import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DataSource, EntityManager, LessThan } from 'typeorm';
import { AuditAction } from '../../audit/audit-action';
import { AuditService } from '../../audit/audit.service';
import { NotFoundError } from '../../common/domain-error';
import { TokenCipher } from '../../crypto/token-cipher';
import { TokenPair, TokenService } from '../token.service';
import { UserEntity } from '../user.entity';
import { OidcClient } from './oidc-client';
import { SsoConnectionEntity } from './sso-connection.entity';
import { clientSecretContext, findSsoConnectionFor } from './sso-connection.store';
import { SsoLoginError } from './sso-errors';
import { SsoLoginEntity } from './sso-login.entity';
import { identityFromClaims, ProviderIdentity } from './sso-provisioning';

const STATE_TTL_MS = 10 * 60_000;
const HANDOFF_TTL_MS = 60_000;
const PRUNE_AFTER_MS = 24 * 3600_000;

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const secret = () => randomBytes(32).toString('base64url');
const verifierContext = (loginId: string) => `sso-login:${loginId}`;

export interface StartedSsoLogin {
  authorizeUrl: string;
  /** Goes into a cookie of the browser; the callback must bring it back. */
  browserSecret: string;
}

/** Signing in through the organization's OpenID provider, with just-in-time provisioning. */
@Injectable()
export class SsoLoginService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cipher: TokenCipher,
    private readonly oidc: OidcClient,
    private readonly tokens: TokenService,
    private readonly audit: AuditService,
  ) {}

  /** By the e-mail's domain or the organization's slug. */
  async start(by: { email?: string; organization?: string }): Promise<StartedSsoLogin> {
    const connection = await findSsoConnectionFor(this.dataSource.manager, by);
    if (!connection) throw new NotFoundError('single sign-on for this e-mail or organization');
    const request = await this.oidc.authorize(await this.discover(connection));
    const browserSecret = secret();
    const id = randomUUID();
    const repository = this.dataSource.getRepository(SsoLoginEntity);
    await repository.delete({ expiresAt: LessThan(new Date(Date.now() - PRUNE_AFTER_MS)) });
    await repository.insert({
      id,
      organizationId: connection.organizationId,
      connectionId: connection.id,
      stateHash: sha256(request.state),
      browserHash: sha256(browserSecret),
      nonce: request.nonce,
      sealedCodeVerifier: this.cipher.encrypt(request.codeVerifier, verifierContext(id)),
      expiresAt: new Date(Date.now() + STATE_TTL_MS),
    });
    return { authorizeUrl: request.url, browserSecret };
  }

  /**
   * The provider's redirect: checks state, browser, PKCE, nonce and the ID token, provisions the
   * user, and answers a single-use code the dashboard trades for a session (tokens never ride in
   * a URL).
   */
  async complete(callbackUrl: URL, browserSecret: string | undefined): Promise<string> {
    const state = callbackUrl.searchParams.get('state');
    const login = await this.consume(state, browserSecret);
    const providerError = callbackUrl.searchParams.get('error');
    if (providerError) throw new SsoLoginError(`the provider refused: ${providerError}`);
    const connection = await this.dataSource
      .getRepository(SsoConnectionEntity)
      .findOneBy({ organizationId: login.organizationId, id: login.connectionId });
    if (!connection?.enabled) throw new SsoLoginError('single sign-on is no longer set up');
    const claims = await this.oidc
      .exchange(await this.discover(connection), callbackUrl, {
        state: state!,
        nonce: login.nonce,
        codeVerifier: this.cipher.decrypt(login.sealedCodeVerifier, verifierContext(login.id)),
      })
      .catch((error: Error) => {
        throw new SsoLoginError(`the provider's answer did not check out (${error.message})`);
      });
    const identity = identityFromClaims(connection, claims);
    if (typeof identity === 'string') {
      await this.refused(login.organizationId, identity, claims);
      throw new SsoLoginError(identity);
    }
    const handoff = secret();
    await this.dataSource.transaction(async (tx) => {
      const user = await this.provision(tx, connection, identity, String(claims.sub));
      await tx.update(
        SsoLoginEntity,
        { id: login.id },
        { userId: user.id, handoffHash: sha256(handoff) },
      );
    });
    return handoff;
  }

  /** The hand-off code from the callback, once, within a minute. */
  async exchange(handoff: string): Promise<TokenPair> {
    const spent = await this.dataSource
      .getRepository(SsoLoginEntity)
      .createQueryBuilder()
      .update()
      .set({ handoffUsedAt: () => 'now()' })
      .where('handoff_hash = :hash AND handoff_used_at IS NULL AND used_at > :since', {
        hash: sha256(handoff),
        since: new Date(Date.now() - HANDOFF_TTL_MS),
      })
      .returning('organization_id, user_id')
      .execute();
    const row = (spent.raw as { organization_id: string; user_id: string }[])[0];
    if (!row) throw new SsoLoginError('this sign-in link has expired; sign in again');
    return this.dataSource.transaction(async (tx) => {
      const user = await tx.findOneBy(UserEntity, {
        organizationId: row.organization_id,
        id: row.user_id,
      });
      if (!user || user.disabledAt) throw new SsoLoginError('the account is disabled');
      await this.audit.record(tx, {
        organizationId: user.organizationId,
        actorId: user.id,
        action: AuditAction.SsoLogin,
        subjectType: 'user',
        subjectId: user.id,
        data: {},
      });
      return this.tokens.issue(tx, user, 'sso');
    });
  }

  private discover(connection: SsoConnectionEntity) {
    return this.oidc
      .discover({
        issuer: connection.issuer,
        clientId: connection.clientId,
        clientSecret: this.cipher.decrypt(
          connection.sealedClientSecret,
          clientSecretContext(connection.organizationId),
        ),
      })
      .catch((error: Error) => {
        throw new SsoLoginError(`the identity provider cannot be reached (${error.message})`);
      });
  }

  /** Single use: the state is spent by any attempt, valid or not, before anything is checked. */
  private async consume(
    state: string | null,
    browserSecret: string | undefined,
  ): Promise<SsoLoginEntity> {
    if (!state) throw new SsoLoginError('the provider sent no state; sign in again');
    const repository = this.dataSource.getRepository(SsoLoginEntity);
    const spent = await repository
      .createQueryBuilder()
      .update()
      .set({ usedAt: () => 'now()' })
      .where('state_hash = :hash AND used_at IS NULL', { hash: sha256(state) })
      .returning('id')
      .execute();
    const id = (spent.raw as { id: string }[])[0]?.id;
    if (!id) throw new SsoLoginError('this sign-in is unknown or was already used; sign in again');
    const login = await repository.findOneByOrFail({ id });
    if (login.expiresAt.getTime() <= Date.now()) {
      throw new SsoLoginError('the sign-in took longer than 10 minutes; sign in again');
    }
    if (!browserSecret || sha256(browserSecret) !== login.browserHash) {
      throw new SsoLoginError('the sign-in was started in another browser; sign in again here');
    }
    return login;
  }

  /**
   * Just in time: a new user with the role the groups give, or the existing one brought in line
   * with the provider (the provider is the source of truth for SSO users' roles).
   */
  private async provision(
    tx: EntityManager,
    connection: SsoConnectionEntity,
    identity: ProviderIdentity,
    subject: string,
  ): Promise<UserEntity> {
    const organizationId = connection.organizationId;
    const existing = await tx.findOne(UserEntity, {
      where: { email: identity.email },
      lock: { mode: 'pessimistic_write' },
    });
    if (existing && existing.organizationId !== organizationId) {
      throw new SsoLoginError(`${identity.email} belongs to another organization in Rounds`);
    }
    if (existing?.disabledAt) throw new SsoLoginError('the account is disabled');
    const event = { organizationId, subjectType: 'user' };
    if (existing) {
      if (existing.role === identity.role) return existing;
      await tx.update(UserEntity, { id: existing.id, organizationId }, { role: identity.role });
      await this.audit.record(tx, {
        ...event,
        actorId: existing.id,
        action: AuditAction.UserRoleChanged,
        subjectId: existing.id,
        data: { from: existing.role, to: identity.role, by: 'sso', issuer: connection.issuer },
      });
      return { ...existing, role: identity.role };
    }
    // No password: the provider signs them in (a password reset can set one).
    const user = await tx.save(
      tx.create(UserEntity, {
        organizationId,
        email: identity.email,
        name: identity.name,
        role: identity.role,
        passwordHash: null,
      }),
    );
    await this.audit.record(tx, {
      ...event,
      actorId: user.id,
      action: AuditAction.UserProvisioned,
      subjectId: user.id,
      data: { email: user.email, role: user.role, issuer: connection.issuer, subject },
    });
    return user;
  }

  private async refused(organizationId: string, reason: string, claims: Record<string, unknown>) {
    await this.dataSource.transaction((tx) =>
      this.audit.record(tx, {
        organizationId,
        actorId: null,
        action: AuditAction.SsoLoginFailed,
        subjectType: 'organization',
        subjectId: organizationId,
        data: { reason, subject: typeof claims.sub === 'string' ? claims.sub : null },
      }),
    );
  }
}
