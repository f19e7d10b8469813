import { Controller, Get, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, NotificationsService } from '@rounds/domain';
import { AnyRole, CurrentActor } from '../common/access.decorators';
import { IdParam } from '../common/id-param';
import {
  MarkedReadDto,
  NotificationDto,
  NotificationQueryDto,
  UnreadCountDto,
} from './notifications.dto';

/** The signed-in user's own notifications, whatever their role. */
@ApiTags('notifications')
@ApiBearerAuth()
@AnyRole()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  async list(
    @CurrentActor() actor: Actor,
    @Query() query: NotificationQueryDto,
  ): Promise<NotificationDto[]> {
    const found = await this.notifications.list(actor, {
      unreadOnly: query.unread,
      limit: query.limit,
    });
    return found.map(NotificationDto.of);
  }

  @Get('unread-count')
  async unreadCount(@CurrentActor() actor: Actor): Promise<UnreadCountDto> {
    return { count: await this.notifications.unreadCount(actor) };
  }

  @Post('read-all')
  @HttpCode(HttpStatus.OK)
  markAllRead(@CurrentActor() actor: Actor): Promise<MarkedReadDto> {
    return this.notifications.markAllRead(actor);
  }

  @Post(':id/read')
  @HttpCode(HttpStatus.OK)
  async markRead(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<NotificationDto> {
    return NotificationDto.of(await this.notifications.markRead(actor, id));
  }
}
