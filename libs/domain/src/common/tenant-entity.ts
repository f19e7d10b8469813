import { Column, CreateDateColumn, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Columns every tenant-owned row has; queries on such rows always filter by organizationId. */
export abstract class TenantEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column('uuid')
  organizationId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
