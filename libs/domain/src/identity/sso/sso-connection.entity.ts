import { Column, Entity, Index, UpdateDateColumn } from 'typeorm';
import { TenantEntity } from '../../common/tenant-entity';
import type { Role } from '../role';

/** An organization's OpenID Connect provider; its client secret is sealed like channel tokens. */
@Entity('sso_connections')
@Index('ux_sso_connections_organization_id', ['organizationId'], { unique: true })
export class SsoConnectionEntity extends TenantEntity {
  /** What staff type on the login page when their e-mail domain does not find it. */
  @Index({ unique: true })
  @Column('text')
  slug: string;

  @Column('text')
  issuer: string;

  @Column('text')
  clientId: string;

  @Column('text')
  sealedClientSecret: string;

  /** E-mail domains whose staff are sent to this provider (lower-case). */
  @Column('text', { array: true, default: () => "'{}'" })
  emailDomains: string[];

  /** The ID-token (or userinfo) claim listing the user's groups. */
  @Column('text', { default: 'groups' })
  groupsClaim: string;

  /** Provider group -> Rounds role; the most powerful matching role wins. */
  @Column('jsonb', { default: () => "'{}'" })
  roleMapping: Record<string, Role>;

  /** The role of a user in none of the mapped groups; null refuses them. */
  @Column({ type: 'text', nullable: true })
  defaultRole: Role | null;

  /** Password login off for the organization's users, except admins with MFA (break-glass). */
  @Column('boolean', { default: false })
  ssoOnly: boolean;

  @Column('boolean', { default: true })
  enabled: boolean;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
