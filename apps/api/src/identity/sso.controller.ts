import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { UseGuards } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AppConfig } from '@rounds/config';
import { SsoLoginError, SsoLoginService } from '@rounds/domain';
import { Public } from '../common/access.decorators';
import { FlowCookie, setFlowCookie, takeFlowCookie } from '../common/flow-cookie';
import { TokenPairDto } from './dto/auth.dto';
import { SsoStartDto, SsoStartedDto, SsoTokenDto } from './dto/sso.dto';
import { answerSession } from './session-cookie';

const SSO_COOKIE: FlowCookie = { name: 'rounds_sso', path: '/api/v1/auth/sso' };
/** Where the dashboard finishes (or explains) a sign-in. */
const DASHBOARD_LOGIN = '/login';

/** Sign-in through the organization's OpenID Connect provider. */
@ApiTags('auth')
@Public()
@UseGuards(ThrottlerGuard)
@Controller('auth/sso')
export class SsoController {
  constructor(
    private readonly sso: SsoLoginService,
    private readonly config: AppConfig,
  ) {}

  /** Finds the provider by e-mail domain or organization slug; send the browser to authorizeUrl. */
  @Post('start')
  @HttpCode(200)
  async start(
    @Body() dto: SsoStartDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SsoStartedDto> {
    const started = await this.sso.start(dto);
    setFlowCookie(
      res,
      SSO_COOKIE,
      started.browserSecret,
      this.config.PUBLIC_URL.startsWith('https:'),
    );
    return { authorizeUrl: started.authorizeUrl };
  }

  /** The provider's redirect; the browser goes on to /login?sso=<code> or /login?ssoError=<reason>. */
  @Get('callback')
  @ApiExcludeEndpoint()
  async callback(@Req() req: Request, @Res() res: Response): Promise<void> {
    const browserSecret = takeFlowCookie(req, res, SSO_COOKIE);
    const url = new URL(req.originalUrl, this.config.PUBLIC_URL);
    try {
      const code = await this.sso.complete(url, browserSecret);
      res.redirect(303, `${DASHBOARD_LOGIN}?sso=${encodeURIComponent(code)}`);
    } catch (error) {
      if (!(error instanceof SsoLoginError)) throw error;
      res.redirect(303, `${DASHBOARD_LOGIN}?ssoError=${encodeURIComponent(error.message)}`);
    }
  }

  /** Trades the callback's single-use code (valid one minute) for a session. */
  @Post('token')
  @HttpCode(200)
  async token(
    @Body() dto: SsoTokenDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<TokenPairDto> {
    return answerSession(res, await this.sso.exchange(dto.code), dto.session, this.config);
  }
}
