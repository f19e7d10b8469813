import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, LegalHoldService, Permission } from '@rounds/domain';
import { CurrentActor, Requires } from '../common/access.decorators';
import { LegalHoldReasonDto, LegalHoldStateDto } from './dto/legal-hold.dto';

/** While a legal hold is on, the retention job deletes nothing of the organization. */
@ApiTags('organization')
@ApiBearerAuth()
@Controller('organization/legal-hold')
export class LegalHoldController {
  constructor(private readonly holds: LegalHoldService) {}

  @Get()
  @Requires(Permission.ReadAudit)
  async state(@CurrentActor() actor: Actor): Promise<LegalHoldStateDto> {
    return LegalHoldStateDto.of(await this.holds.state(actor.organizationId));
  }

  @Post()
  @HttpCode(200)
  @Requires(Permission.ManageLegalHold)
  async set(
    @CurrentActor() actor: Actor,
    @Body() dto: LegalHoldReasonDto,
  ): Promise<LegalHoldStateDto> {
    return LegalHoldStateDto.of(await this.holds.set(actor, dto.reason));
  }

  @Post('lift')
  @HttpCode(200)
  @Requires(Permission.ManageLegalHold)
  async lift(
    @CurrentActor() actor: Actor,
    @Body() dto: LegalHoldReasonDto,
  ): Promise<LegalHoldStateDto> {
    return LegalHoldStateDto.of(await this.holds.lift(actor, dto.reason));
  }
}
