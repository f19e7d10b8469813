import { AuditEventEntity } from './audit/audit-event.entity';
import { RefreshTokenEntity } from './identity/refresh-token.entity';
import { UserEntity } from './identity/user.entity';
import { OrganizationEntity } from './organizations/organization.entity';

/** Every entity, for the data source and the migration generator. */
export const entities = [OrganizationEntity, UserEntity, RefreshTokenEntity, AuditEventEntity];
