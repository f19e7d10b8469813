import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PlatformError, type TokenSet } from '@rounds/platforms';
import { TokenCipher } from '../crypto/token-cipher';
import { ChannelUnavailableError } from './channel-errors';
import { ChannelEntity, tokenContext } from './channel.entity';
import { ChannelsService } from './channels.service';
import { PlatformClients } from './platform-clients';

/** Access tokens are refreshed this long before they expire, so no call starts with a dying one. */
export const REFRESH_AHEAD_MS = 5 * 60_000;

const isAuthError = (error: unknown) => error instanceof PlatformError && error.kind === 'auth';

/** A channel's platform access: decrypted only in memory, refreshed under a per-channel lock. */
@Injectable()
export class ChannelTokensService {
  private readonly logger = new Logger(ChannelTokensService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cipher: TokenCipher,
    private readonly clients: PlatformClients,
    private readonly channels: ChannelsService,
  ) {}

  /**
   * Runs `call` with a live access token of the channel. A token near expiry is refreshed first;
   * an auth error refreshes once and retries once; a refresh the platform refuses marks the channel
   * `needs_reauth` (its scheduled posts held, its admins told) and throws ChannelUnavailableError.
   */
  async withAccessToken<T>(
    organizationId: string,
    channelId: string,
    call: (accessToken: string, channel: ChannelEntity) => Promise<T>,
  ): Promise<T> {
    const channel = await this.channels.find(this.dataSource.manager, organizationId, channelId);
    return this.withChannel(channel, call);
  }

  /** withAccessToken for a channel row the caller has just read. */
  async withChannel<T>(
    channel: ChannelEntity,
    call: (accessToken: string, channel: ChannelEntity) => Promise<T>,
  ): Promise<T> {
    if (channel.status !== 'connected' || !channel.encryptedAccessToken) {
      throw new ChannelUnavailableError(channel);
    }
    const token = expiresSoon(channel)
      ? await this.refresh(channel, channel.encryptedAccessToken)
      : this.accessToken(channel);
    const used = channel.encryptedAccessToken!;
    try {
      return await call(token, channel);
    } catch (error) {
      if (!isAuthError(error)) throw error;
      const fresh = await this.refresh(channel, used);
      try {
        return await call(fresh, channel);
      } catch (retryError) {
        if (!isAuthError(retryError)) throw retryError;
        await this.needsReauth(channel, (retryError as Error).message);
        throw new ChannelUnavailableError(channel);
      }
    }
  }

  /**
   * Refreshes under the channel's row lock (one refresh across every api and worker replica);
   * a caller that waited for the lock uses the token the winner stored. The rotated refresh token
   * is stored in the same transaction.
   */
  private async refresh(channel: ChannelEntity, staleAccessToken: string): Promise<string> {
    const outcome = await this.dataSource.transaction(async (tx) => {
      const locked = await this.channels.find(tx, channel.organizationId, channel.id, true);
      Object.assign(channel, locked);
      if (locked.status !== 'connected' || !locked.encryptedAccessToken) return 'unavailable';
      if (locked.encryptedAccessToken !== staleAccessToken && !expiresSoon(locked)) {
        return this.accessToken(locked);
      }
      let tokens: TokenSet;
      try {
        tokens = await this.platformRefresh(locked);
      } catch (error) {
        if (!isAuthError(error)) throw error;
        await this.channels.markNeedsReauth(
          tx,
          locked,
          `refresh refused: ${(error as Error).message}`,
        );
        Object.assign(channel, locked);
        return 'unavailable';
      }
      const changes = {
        encryptedAccessToken: this.cipher.encrypt(
          tokens.accessToken,
          tokenContext(locked.id, 'access'),
        ),
        encryptedRefreshToken: tokens.refreshToken
          ? this.cipher.encrypt(tokens.refreshToken, tokenContext(locked.id, 'refresh'))
          : locked.encryptedRefreshToken,
        tokenExpiresAt: tokens.expiresAt ?? null,
      };
      await tx.update(
        ChannelEntity,
        { id: locked.id, organizationId: locked.organizationId },
        changes,
      );
      Object.assign(channel, changes);
      return tokens.accessToken;
    });
    if (outcome === 'unavailable') throw new ChannelUnavailableError(channel);
    return outcome;
  }

  private platformRefresh(channel: ChannelEntity): Promise<TokenSet> {
    if (!channel.encryptedRefreshToken) {
      throw new PlatformError('auth', 'no refresh token is stored');
    }
    const refreshToken = this.cipher.decrypt(
      channel.encryptedRefreshToken,
      tokenContext(channel.id, 'refresh'),
    );
    return channel.platform === 'x'
      ? this.clients.x.refresh(refreshToken)
      : this.clients.youtube.refresh(refreshToken);
  }

  /** A fresh token was refused too: the grant is gone. */
  private async needsReauth(channel: ChannelEntity, reason: string): Promise<void> {
    this.logger.warn({ channelId: channel.id, reason }, 'channel needs re-authorization');
    await this.dataSource.transaction(async (tx) => {
      const locked = await this.channels.find(tx, channel.organizationId, channel.id, true);
      await this.channels.markNeedsReauth(tx, locked, `access refused after a refresh: ${reason}`);
      Object.assign(channel, locked);
    });
  }

  private accessToken(channel: ChannelEntity): string {
    return this.cipher.decrypt(channel.encryptedAccessToken!, tokenContext(channel.id, 'access'));
  }
}

function expiresSoon(channel: ChannelEntity): boolean {
  return (
    channel.tokenExpiresAt !== null &&
    channel.tokenExpiresAt.getTime() - Date.now() < REFRESH_AHEAD_MS
  );
}
