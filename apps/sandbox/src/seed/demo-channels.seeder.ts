import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@rounds/config';
import {
  ChannelConnectService,
  ChannelEntity,
  ChannelGrant,
  ChannelPlatform,
  UserEntity,
} from '@rounds/domain';
import { X_DEMO_ACCOUNTS, X_DEMO_SCOPES } from '../demo-accounts';
import { GOOGLE_DEMO_ACCOUNTS } from '../google/google-demo-accounts';
import { DEMO_LOGINS } from './demo-organization';

const LOCAL_HOSTS = ['127.0.0.1', 'localhost', '::1'];

/** Rounds is configured against the local sandbox (`npm start`), not the real platforms. */
export const pointsAtSandbox = (config: AppConfig) =>
  LOCAL_HOSTS.includes(new URL(config.X_API_BASE_URL).hostname);

/** The sandbox's demo accounts, as the grants an admin would have given Rounds. */
const DEMO_GRANTS: { platform: ChannelPlatform; grant: ChannelGrant }[] = [
  ...X_DEMO_ACCOUNTS.map((a) => ({
    platform: 'x' as const,
    grant: {
      tokens: {
        accessToken: a.accessToken,
        refreshToken: a.refreshToken,
        scopes: [...X_DEMO_SCOPES],
      },
      account: { externalId: a.id, handle: a.handle, displayName: a.name },
    },
  })),
  ...GOOGLE_DEMO_ACCOUNTS.map((a) => ({
    platform: 'youtube' as const,
    grant: {
      tokens: { accessToken: a.accessToken, refreshToken: a.refreshToken, scopes: a.scopes },
      account: { externalId: a.channelId, handle: a.handle, displayName: a.title },
    },
  })),
];

/**
 * Connects the sandbox's demo X accounts and YouTube channels to the demo organization (once),
 * through the same service the OAuth callback uses. Only when Rounds points at the sandbox.
 */
@Injectable()
export class DemoChannelsSeeder {
  constructor(
    private readonly connections: ChannelConnectService,
    private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async seed(): Promise<number> {
    if (!pointsAtSandbox(this.config)) return 0;
    const admin = await this.dataSource
      .getRepository(UserEntity)
      .findOneBy({ email: DEMO_LOGINS.users[0].email });
    if (!admin) return 0;
    const actor = { userId: admin.id, organizationId: admin.organizationId, role: admin.role };
    const present = await this.dataSource
      .getRepository(ChannelEntity)
      .findBy({ organizationId: admin.organizationId });
    const missing = DEMO_GRANTS.filter(
      ({ platform, grant }) =>
        !present.some(
          (c) => c.platform === platform && c.externalAccountId === grant.account.externalId,
        ),
    );
    for (const { platform, grant } of missing) await this.connections.adopt(actor, platform, grant);
    return missing.length;
  }
}
