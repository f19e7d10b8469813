import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  AccountLinksService,
  IdentityService,
  Role,
  UserEntity,
  UsersService,
} from '@rounds/domain';
import { DEMO_LOGINS } from './demo-organization';

/** Creates the demo organization once, through the same services the API uses. */
@Injectable()
export class DemoSeeder {
  constructor(
    private readonly identity: IdentityService,
    private readonly users: UsersService,
    private readonly links: AccountLinksService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async seed(): Promise<'created' | 'present'> {
    const [admin, ...others] = DEMO_LOGINS.users;
    const existing = await this.dataSource
      .getRepository(UserEntity)
      .findOneBy({ email: admin.email });
    if (existing) return 'present';
    const { user, organization } = await this.identity.signup({
      organizationName: DEMO_LOGINS.organizationName,
      name: admin.name,
      email: admin.email,
      password: DEMO_LOGINS.password,
      timeZone: DEMO_LOGINS.timeZone,
    });
    const actor = { userId: user.id, organizationId: organization.id, role: Role.Admin };
    for (const other of others) {
      const { invitation } = await this.users.invite(actor, other);
      await this.links.acceptInvitation(invitation.token, DEMO_LOGINS.password);
    }
    return 'created';
  }
}
