import { Controller, Delete, Get, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiExcludeEndpoint, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AppConfig } from '@rounds/config';
import {
  Actor,
  ChannelConnectError,
  ChannelConnectService,
  ChannelPlatform,
  ChannelsService,
  OAuthCallback,
  Permission,
} from '@rounds/domain';
import { CurrentActor, Public, Requires } from '../common/access.decorators';
import { IdParam } from '../common/id-param';
import { FlowCookie, setFlowCookie, takeFlowCookie } from '../common/flow-cookie';
import { ChannelDto, ChannelListQueryDto, ConnectResultDto } from './dto/channel.dto';

const connectCookie = (platform: ChannelPlatform): FlowCookie => ({
  name: `rounds_oauth_${platform}`,
  path: '/api/v1/channels',
});

/** Where the dashboard shows the outcome of a connection. */
const DASHBOARD_CHANNELS = '/channels';

@ApiTags('channels')
@ApiBearerAuth()
@Controller('channels')
export class ChannelsController {
  constructor(
    private readonly channels: ChannelsService,
    private readonly connections: ChannelConnectService,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @Requires(Permission.ReadContent)
  async list(
    @CurrentActor() actor: Actor,
    @Query() query: ChannelListQueryDto,
  ): Promise<ChannelDto[]> {
    const channels = await this.channels.list(actor.organizationId, query.includeDisconnected);
    return channels.map(ChannelDto.of);
  }

  @Post('x/connect')
  @Requires(Permission.ManageChannels)
  connectX(@CurrentActor() actor: Actor, @Res({ passthrough: true }) res: Response) {
    return this.connect(actor, 'x', res);
  }

  @Post('youtube/connect')
  @Requires(Permission.ManageChannels)
  connectYoutube(@CurrentActor() actor: Actor, @Res({ passthrough: true }) res: Response) {
    return this.connect(actor, 'youtube', res);
  }

  @Get('x/callback')
  @Public()
  @ApiExcludeEndpoint()
  xCallback(@Query() query: OAuthCallback, @Req() req: Request, @Res() res: Response) {
    return this.callback('x', query, req, res);
  }

  @Get('youtube/callback')
  @Public()
  @ApiExcludeEndpoint()
  youtubeCallback(@Query() query: OAuthCallback, @Req() req: Request, @Res() res: Response) {
    return this.callback('youtube', query, req, res);
  }

  @Delete(':id')
  @Requires(Permission.ManageChannels)
  async disconnect(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<ChannelDto> {
    return ChannelDto.of(await this.channels.disconnect(actor, id));
  }

  private async connect(
    actor: Actor,
    platform: ChannelPlatform,
    res: Response,
  ): Promise<ConnectResultDto> {
    const started = await this.connections.start(actor, platform);
    const secure = this.config.PUBLIC_URL.startsWith('https:');
    setFlowCookie(res, connectCookie(platform), started.browserSecret, secure);
    return { authorizeUrl: started.authorizeUrl };
  }

  /**
   * The platform's redirect lands here (its query is the platform's, not validated as a DTO); the
   * admin's browser goes on to the dashboard with the new channel or the reason it failed.
   */
  private async callback(
    platform: ChannelPlatform,
    query: OAuthCallback,
    req: Request,
    res: Response,
  ): Promise<void> {
    const browserSecret = takeFlowCookie(req, res, connectCookie(platform));
    try {
      const channel = await this.connections.complete(platform, query, browserSecret);
      res.redirect(303, `${DASHBOARD_CHANNELS}?connected=${channel.id}`);
    } catch (error) {
      if (!(error instanceof ChannelConnectError)) throw error;
      res.redirect(303, `${DASHBOARD_CHANNELS}?error=${encodeURIComponent(error.message)}`);
    }
  }
}
