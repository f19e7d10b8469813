import { Column, Entity, Index } from 'typeorm';
import { TenantEntity } from '../common/tenant-entity';
import { Role } from './role';

@Entity('users')
export class UserEntity extends TenantEntity {
  /** Stored lower-case; unique across Rounds so login needs no organization. */
  @Index({ unique: true })
  @Column('text')
  email: string;

  @Column('text')
  name: string;

  @Column({ type: 'enum', enum: Role, enumName: 'user_role' })
  role: Role;

  @Column('text', { select: false })
  passwordHash: string;

  @Column({ type: 'timestamptz', nullable: true })
  disabledAt: Date | null;
}
