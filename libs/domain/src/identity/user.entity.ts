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

  /** Null until an invited user sets their own password. */
  @Column('text', { select: false, nullable: true })
  passwordHash: string | null;

  /** When and by whom the current role was given (separation of duties' cooling-off rule). */
  @Column({ type: 'timestamptz', default: () => 'now()' })
  roleGrantedAt: Date;

  @Column('uuid', { nullable: true })
  roleGrantedById: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  disabledAt: Date | null;

  @Column('text', { nullable: true })
  disabledReason: string | null;
}
