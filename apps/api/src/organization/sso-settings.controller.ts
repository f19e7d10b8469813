import { Body, Controller, Delete, Get, HttpCode, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, NotFoundError, Permission, SsoSettingsService } from '@rounds/domain';
import { CurrentActor, Requires } from '../common/access.decorators';
import { SsoSettingsDto, SsoSettingsViewDto } from '../identity/dto/sso.dto';

/** The organization's OpenID Connect provider (admins: it decides who gets in and as what). */
@ApiTags('organization')
@ApiBearerAuth()
@Requires(Permission.ManageUsers)
@Controller('organization/sso')
export class SsoSettingsController {
  constructor(private readonly settings: SsoSettingsService) {}

  @Get()
  async get(@CurrentActor() actor: Actor): Promise<SsoSettingsViewDto> {
    const settings = await this.settings.get(actor.organizationId);
    if (!settings) throw new NotFoundError('single sign-on connection');
    return SsoSettingsViewDto.of(settings);
  }

  /** Checked against the issuer's discovery document before it is stored. */
  @Put()
  @ApiOkResponse({ type: SsoSettingsViewDto })
  async put(
    @CurrentActor() actor: Actor,
    @Body() dto: SsoSettingsDto,
  ): Promise<SsoSettingsViewDto> {
    return SsoSettingsViewDto.of(await this.settings.save(actor, dto));
  }

  @Delete()
  @HttpCode(204)
  async remove(@CurrentActor() actor: Actor): Promise<void> {
    await this.settings.remove(actor);
  }
}
