import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DataSource, EntityManager, LessThan } from 'typeorm';
import { PlatformError, type PlatformAccount, type TokenSet } from '@rounds/platforms';
import { AuditAction } from '../audit/audit-action';
import { AuditService } from '../audit/audit.service';
import { TokenCipher } from '../crypto/token-cipher';
import { Actor } from '../identity/actor';
import { can, Permission } from '../identity/permission';
import { UserEntity } from '../identity/user.entity';
import { ChannelAuthorizationEntity } from './channel-authorization.entity';
import { nextChannelColor } from './channel-colors';
import { ChannelConnectError } from './channel-errors';
import { ChannelEntity, ChannelPlatform, tokenContext } from './channel.entity';
import { PlatformClients } from './platform-clients';

const STATE_TTL_MS = 10 * 60_000;
const PRUNE_AFTER_MS = 24 * 3600_000;

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const secret = () => randomBytes(32).toString('base64url');
const verifierContext = (authorizationId: string) => `channel-authorization:${authorizationId}`;

export interface StartedConnection {
  authorizeUrl: string;
  /** Goes into a cookie of the admin's browser; the callback must bring it back. */
  browserSecret: string;
}

export interface OAuthCallback {
  code?: string;
  state?: string;
  /** The platform's refusal (`access_denied` when the admin cancelled). */
  error?: string;
}

export type ChannelGrant = { tokens: TokenSet; account: PlatformAccount };

/** Connecting an X account or a YouTube channel through the platform's OAuth redirect. */
@Injectable()
export class ChannelConnectService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clients: PlatformClients,
    private readonly cipher: TokenCipher,
    private readonly audit: AuditService,
  ) {}

  async start(actor: Actor, platform: ChannelPlatform): Promise<StartedConnection> {
    const state = secret();
    const browserSecret = secret();
    const redirectUri = this.clients.redirectUri(platform);
    const request =
      platform === 'x'
        ? this.clients.x.buildAuthorizeUrl(redirectUri, state)
        : this.clients.youtube.buildAuthorizeUrl(redirectUri, state);
    const id = randomUUID();
    const repository = this.dataSource.getRepository(ChannelAuthorizationEntity);
    await repository.delete({ expiresAt: LessThan(new Date(Date.now() - PRUNE_AFTER_MS)) });
    await repository.insert({
      id,
      organizationId: actor.organizationId,
      userId: actor.userId,
      platform,
      stateHash: sha256(state),
      browserHash: sha256(browserSecret),
      encryptedCodeVerifier: request.codeVerifier
        ? this.cipher.encrypt(request.codeVerifier, verifierContext(id))
        : null,
      expiresAt: new Date(Date.now() + STATE_TTL_MS),
      usedAt: null,
    });
    return { authorizeUrl: request.url, browserSecret };
  }

  /** The platform's redirect: checks the state, exchanges the code and stores the channel. */
  async complete(
    platform: ChannelPlatform,
    callback: OAuthCallback,
    browserSecret: string | undefined,
  ): Promise<ChannelEntity> {
    const authorization = await this.consume(platform, callback.state, browserSecret);
    if (callback.error) {
      throw new ChannelConnectError(`the platform did not grant access (${callback.error})`);
    }
    if (!callback.code) throw new ChannelConnectError('the platform sent no authorization code');
    const actor = await this.stillAllowed(authorization);
    const granted = await this.exchange(platform, callback.code, authorization).catch((error) => {
      if (error instanceof PlatformError) {
        throw new ChannelConnectError(
          `${platform === 'x' ? 'X' : 'Google'} refused: ${error.message}`,
        );
      }
      throw error;
    });
    return this.adopt(actor, platform, granted);
  }

  /** Stores an account whose grant was obtained outside the redirect flow (the demo seed). */
  adopt(actor: Actor, platform: ChannelPlatform, granted: ChannelGrant): Promise<ChannelEntity> {
    return this.dataSource.transaction((tx) => this.store(tx, actor, platform, granted));
  }

  /** Single use: the state is spent by any attempt, valid or not, before anything is checked. */
  private async consume(
    platform: ChannelPlatform,
    state: string | undefined,
    browserSecret: string | undefined,
  ): Promise<ChannelAuthorizationEntity> {
    if (!state)
      throw new ChannelConnectError('the platform sent no state; start again from Rounds');
    const repository = this.dataSource.getRepository(ChannelAuthorizationEntity);
    const spent = await repository
      .createQueryBuilder()
      .update()
      .set({ usedAt: () => 'now()' })
      .where('state_hash = :hash AND platform = :platform AND used_at IS NULL', {
        hash: sha256(state),
        platform,
      })
      .returning('id')
      .execute();
    const id = (spent.raw as { id: string }[])[0]?.id;
    if (!id) {
      throw new ChannelConnectError(
        'this connection link is unknown or was already used; start again',
      );
    }
    const authorization = await repository.findOneByOrFail({ id });
    if (authorization.expiresAt.getTime() <= Date.now()) {
      throw new ChannelConnectError('the connection took longer than 10 minutes; start again');
    }
    if (!browserSecret || sha256(browserSecret) !== authorization.browserHash) {
      throw new ChannelConnectError(
        'the connection was started in another browser; start again here',
      );
    }
    return authorization;
  }

  /** The admin who started it must still be an active user allowed to manage channels. */
  private async stillAllowed(authorization: ChannelAuthorizationEntity): Promise<Actor> {
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({
      organizationId: authorization.organizationId,
      id: authorization.userId,
    });
    if (!user || user.disabledAt || !can(user.role, Permission.ManageChannels)) {
      throw new ChannelConnectError(
        'the user who started the connection may no longer manage channels',
      );
    }
    return { userId: user.id, organizationId: user.organizationId, role: user.role };
  }

  private exchange(
    platform: ChannelPlatform,
    code: string,
    authorization: ChannelAuthorizationEntity,
  ): Promise<ChannelGrant> {
    const redirectUri = this.clients.redirectUri(platform);
    if (platform === 'youtube') return this.clients.youtube.exchangeCode(code, redirectUri);
    if (!authorization.encryptedCodeVerifier)
      throw new ChannelConnectError('the PKCE verifier is missing');
    const verifier = this.cipher.decrypt(
      authorization.encryptedCodeVerifier,
      verifierContext(authorization.id),
    );
    return this.clients.x.exchangeCode(code, verifier, redirectUri);
  }

  /** A new channel, or the same account connected again (tokens replaced, back in service). */
  private async store(
    tx: EntityManager,
    actor: Actor,
    platform: ChannelPlatform,
    { tokens, account }: ChannelGrant,
  ): Promise<ChannelEntity> {
    const existing = await tx.findOne(ChannelEntity, {
      where: {
        organizationId: actor.organizationId,
        platform,
        externalAccountId: account.externalId,
      },
      lock: { mode: 'pessimistic_write' },
    });
    const id = existing?.id ?? randomUUID();
    const refreshToken =
      tokens.refreshToken ??
      (existing?.encryptedRefreshToken
        ? this.cipher.decrypt(existing.encryptedRefreshToken, tokenContext(id, 'refresh'))
        : undefined);
    if (!refreshToken) {
      throw new ChannelConnectError(
        'the platform granted no refresh token, so Rounds could not publish later; remove Rounds from the account’s connected apps and connect again',
      );
    }
    const fields = {
      handle: account.handle,
      displayName: account.displayName,
      status: 'connected' as const,
      statusReason: null,
      encryptedAccessToken: this.cipher.encrypt(tokens.accessToken, tokenContext(id, 'access')),
      encryptedRefreshToken: this.cipher.encrypt(refreshToken, tokenContext(id, 'refresh')),
      tokenExpiresAt: tokens.expiresAt ?? null,
      scopes: tokens.scopes,
      connectedById: actor.userId,
      connectedAt: new Date(),
      rateLimitedUntil: null,
    };
    if (existing) {
      await tx.update(ChannelEntity, { id, organizationId: actor.organizationId }, fields);
    } else {
      const others = await tx.find(ChannelEntity, {
        where: { organizationId: actor.organizationId },
        select: { color: true },
      });
      await tx.insert(ChannelEntity, {
        id,
        organizationId: actor.organizationId,
        platform,
        externalAccountId: account.externalId,
        color: nextChannelColor(others.map((c) => c.color)),
        ...fields,
      });
    }
    await this.audit.record(tx, {
      organizationId: actor.organizationId,
      actorId: actor.userId,
      action: AuditAction.ChannelConnected,
      subjectType: 'channel',
      subjectId: id,
      data: {
        platform,
        handle: account.handle,
        externalAccountId: account.externalId,
        scopes: tokens.scopes,
        reconnected: Boolean(existing),
        previousStatus: existing?.status ?? null,
      },
    });
    return tx.findOneByOrFail(ChannelEntity, { id, organizationId: actor.organizationId });
  }
}
