import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@rounds/config';
import { Role, SsoSettingsService, UserEntity } from '@rounds/domain';
import { OIDC_DEMO_CLIENT } from '../oidc/oidc-demo-client';
import { pointsAtSandbox } from './demo-channels.seeder';
import { DEMO_LOGINS } from './demo-organization';

/**
 * Sets the demo organization's single sign-on up against the sandbox's OpenID provider (once);
 * password login stays on, so the printed demo logins keep working.
 */
@Injectable()
export class DemoSsoSeeder {
  constructor(
    private readonly sso: SsoSettingsService,
    private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async seed(): Promise<boolean> {
    if (!pointsAtSandbox(this.config)) return false;
    const admin = await this.dataSource
      .getRepository(UserEntity)
      .findOneBy({ email: DEMO_LOGINS.users[0].email });
    if (!admin || (await this.sso.get(admin.organizationId))) return false;
    const actor = { userId: admin.id, organizationId: admin.organizationId, role: admin.role };
    const input = {
      slug: 'stmarys',
      issuer: `${this.config.X_API_BASE_URL}/oidc`,
      ...OIDC_DEMO_CLIENT,
      emailDomains: ['stmarys.demo'],
      roleMapping: {
        'rounds-admins': Role.Admin,
        'rounds-compliance': Role.Compliance,
        'rounds-marketing': Role.Marketer,
        'rounds-executives': Role.Executive,
      },
      ssoOnly: false,
      enabled: true,
    };
    // The sandbox starts after the seed, so its discovery document cannot be read yet.
    await this.sso.save(actor, input, false);
    return true;
  }
}
