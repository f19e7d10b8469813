import { Body, Controller, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, OrganizationSettingsService, PauseService, Permission } from '@rounds/domain';
import { CurrentActor, Requires } from '../common/access.decorators';
import { SettingsDto, UpdateSettingsDto } from './dto/organization-settings.dto';
import { PauseReasonDto, PauseStateDto } from './dto/pause.dto';

@ApiTags('organization')
@ApiBearerAuth()
@Controller('organization')
export class OrganizationController {
  constructor(
    private readonly settings: OrganizationSettingsService,
    private readonly pauses: PauseService,
  ) {}

  @Get('settings')
  @Requires(Permission.ReadContent)
  async get(@CurrentActor() actor: Actor): Promise<SettingsDto> {
    return SettingsDto.of(await this.settings.get(actor.organizationId));
  }

  /** Time zone, approval policy (with routing rules), PHI allow list. */
  @Patch('settings')
  @Requires(Permission.ManagePolicy)
  async update(@CurrentActor() actor: Actor, @Body() dto: UpdateSettingsDto): Promise<SettingsDto> {
    return SettingsDto.of(await this.settings.update(actor, dto));
  }

  @Get('pause')
  @Requires(Permission.ReadContent)
  async status(@CurrentActor() actor: Actor): Promise<PauseStateDto> {
    return PauseStateDto.of(await this.pauses.status(actor.organizationId));
  }

  /** The emergency switch: nothing publishes, due posts are held. */
  @Post('pause')
  @HttpCode(200)
  @Requires(Permission.EmergencyPause)
  async pause(@CurrentActor() actor: Actor, @Body() dto: PauseReasonDto): Promise<PauseStateDto> {
    return PauseStateDto.of(await this.pauses.pause(actor, dto.reason));
  }

  /** Publishing resumes; held posts stay held until each is released. */
  @Post('resume')
  @HttpCode(200)
  @Requires(Permission.EmergencyPause)
  async resume(@CurrentActor() actor: Actor, @Body() dto: PauseReasonDto): Promise<PauseStateDto> {
    return PauseStateDto.of(await this.pauses.resume(actor, dto.reason));
  }
}
