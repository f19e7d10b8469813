import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, AuditService, ChainVerification, Permission } from '@rounds/domain';
import { CurrentActor, Requires } from '../common/access.decorators';
import { AuditEventDto, AuditQueryDto } from './audit.dto';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Requires(Permission.ReadAudit)
  async list(
    @CurrentActor() actor: Actor,
    @Query() query: AuditQueryDto,
  ): Promise<AuditEventDto[]> {
    return (await this.audit.list(actor.organizationId, query)).map(AuditEventDto.of);
  }

  @Get('verify')
  @Requires(Permission.ReadAudit)
  verify(@CurrentActor() actor: Actor): Promise<ChainVerification> {
    return this.audit.verify(actor.organizationId);
  }
}
