import { Body, Controller, Delete, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, FeedbackSettingsService, Permission } from '@rounds/domain';
import { CurrentActor, Requires } from '../common/access.decorators';
import { IdParam } from '../common/id-param';
import {
  FeedbackGroupDto,
  FeedbackRouteDto,
  FeedbackSettingsDto,
  GroupInputDto,
  RouteInputDto,
} from './feedback-settings.dto';

/** Who owns each patient-feedback category and its response target; admins set them. */
@ApiTags('feedback')
@ApiBearerAuth()
@Controller('feedback')
export class FeedbackSettingsController {
  constructor(private readonly settings: FeedbackSettingsService) {}

  /** Every role reads it: the inbox shows owners and filters by them. */
  @Get('settings')
  @Requires(Permission.ReadContent)
  async get(@CurrentActor() actor: Actor): Promise<FeedbackSettingsDto> {
    return FeedbackSettingsDto.of(await this.settings.get(actor.organizationId));
  }

  /** Replaces a category's owner (a user, a group or nobody) and response target. */
  @Put('routes')
  @Requires(Permission.ManageFeedback)
  async setRoute(
    @CurrentActor() actor: Actor,
    @Body() dto: RouteInputDto,
  ): Promise<FeedbackRouteDto> {
    const route = await this.settings.setRoute(actor, dto.category, {
      ownerUserId: dto.ownerUserId ?? null,
      ownerGroupId: dto.ownerGroupId ?? null,
      responseTargetHours: dto.responseTargetHours ?? null,
    });
    return FeedbackRouteDto.of(route);
  }

  @Post('groups')
  @Requires(Permission.ManageFeedback)
  async createGroup(
    @CurrentActor() actor: Actor,
    @Body() dto: GroupInputDto,
  ): Promise<FeedbackGroupDto> {
    return FeedbackGroupDto.of(await this.settings.saveGroup(actor, null, dto));
  }

  @Put('groups/:id')
  @Requires(Permission.ManageFeedback)
  async updateGroup(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() dto: GroupInputDto,
  ): Promise<FeedbackGroupDto> {
    return FeedbackGroupDto.of(await this.settings.saveGroup(actor, id, dto));
  }

  /** 409 while the group owns a category. */
  @Delete('groups/:id')
  @HttpCode(204)
  @Requires(Permission.ManageFeedback)
  async deleteGroup(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<void> {
    await this.settings.deleteGroup(actor, id);
  }
}
