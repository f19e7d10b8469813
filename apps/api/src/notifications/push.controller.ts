import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, PushService } from '@rounds/domain';
import { AnyRole, CurrentActor } from '../common/access.decorators';
import { PushEndpointDto, PushKeyDto, PushSubscriptionDto } from './push.dto';

/** Web Push for the signed-in user's browsers: the key to subscribe with, and (un)subscribing. */
@ApiTags('notifications')
@ApiBearerAuth()
@AnyRole()
@Controller('push')
export class PushController {
  constructor(private readonly push: PushService) {}

  @Get('key')
  key(): PushKeyDto {
    return { enabled: this.push.enabled, publicKey: this.push.publicKey };
  }

  @Post('subscriptions')
  @HttpCode(HttpStatus.NO_CONTENT)
  async subscribe(@CurrentActor() actor: Actor, @Body() body: PushSubscriptionDto): Promise<void> {
    await this.push.subscribe(actor, { endpoint: body.endpoint, ...body.keys });
  }

  @Delete('subscriptions')
  @HttpCode(HttpStatus.NO_CONTENT)
  async unsubscribe(@CurrentActor() actor: Actor, @Query() query: PushEndpointDto): Promise<void> {
    await this.push.unsubscribe(actor, query.endpoint);
  }
}
