import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { loadMfaStatus } from '../mfa/mfa-store';
import { Role } from '../role';
import { UserEntity } from '../user.entity';
import { PasswordLoginDisabledError } from './sso-errors';
import { findSsoConnection } from './sso-connection.store';

/** "SSO only": password login is off, except an admin's break-glass account with MFA. */
@Injectable()
export class SsoPolicy {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async assertPasswordLoginAllowed(user: UserEntity): Promise<void> {
    const manager = this.dataSource.manager;
    const connection = await findSsoConnection(manager, user.organizationId);
    if (!connection?.enabled || !connection.ssoOnly) return;
    if (user.role === Role.Admin && (await loadMfaStatus(manager, user)).enrolled) return;
    throw new PasswordLoginDisabledError(connection.slug);
  }
}
