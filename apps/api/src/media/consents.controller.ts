import { Body, Controller, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, ConsentService, Permission } from '@rounds/domain';
import { CurrentActor, Requires } from '../common/access.decorators';
import { IdParam } from '../common/id-param';
import { ConsentDto, RecordConsentDto, RevokeConsentDto } from './dto/consent.dto';

@ApiTags('media')
@ApiBearerAuth()
@Controller()
export class ConsentsController {
  constructor(private readonly consents: ConsentService) {}

  @Post('media/:id/consents')
  @Requires(Permission.UploadMedia)
  async record(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() dto: RecordConsentDto,
  ): Promise<ConsentDto> {
    return ConsentDto.of(await this.consents.record(actor, id, dto));
  }

  @Get('media/:id/consents')
  @Requires(Permission.ManageConsent)
  async list(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<ConsentDto[]> {
    const now = new Date();
    return (await this.consents.list(actor.organizationId, id)).map((c) => ConsentDto.of(c, now));
  }

  @Post('consents/:id/revoke')
  @HttpCode(HttpStatus.OK)
  @Requires(Permission.ManageConsent)
  async revoke(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() dto: RevokeConsentDto,
  ): Promise<ConsentDto> {
    return ConsentDto.of(await this.consents.revoke(actor, id, dto.reason?.trim() || null));
  }
}
