import { Body, Controller, Headers, HttpCode, Ip, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { SkipThrottle, ThrottlerGuard } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { AppConfig } from '@rounds/config';
import {
  AccountLinksService,
  IdentityService,
  MfaLoginService,
  TokenService,
} from '@rounds/domain';
import { Public } from '../common/access.decorators';
import {
  AcceptInvitationDto,
  LoginDto,
  LoginResultDto,
  LogoutDto,
  MfaLoginDto,
  PasswordResetDto,
  PasswordResetRequestDto,
  RefreshDto,
  SignupDto,
  TokenPairDto,
} from './dto/auth.dto';
import { AcceptedInvitationDto, OrganizationDto, SignupResultDto, UserDto } from './dto/user.dto';
import { answerSession, clearRefreshCookie, readRefreshCookie } from './session-cookie';

@ApiTags('auth')
@Public()
@UseGuards(ThrottlerGuard)
@Controller('auth')
export class AuthController {
  constructor(
    private readonly identity: IdentityService,
    private readonly tokens: TokenService,
    private readonly links: AccountLinksService,
    private readonly mfa: MfaLoginService,
    private readonly config: AppConfig,
  ) {}

  @Post('signup')
  async signup(@Body() dto: SignupDto): Promise<SignupResultDto> {
    const result = await this.identity.signup(dto);
    return {
      accessToken: result.accessToken,
      refreshToken: result.refreshToken,
      user: UserDto.of(result.user),
      organization: OrganizationDto.of(result.organization),
    };
  }

  @Post('login')
  @HttpCode(200)
  async login(
    @Body() dto: LoginDto,
    @Ip() address: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<LoginResultDto> {
    const result = await this.identity.login(dto.email, dto.password, address);
    if ('mfaRequired' in result) return result;
    return answerSession(response, result, dto.session, this.config);
  }

  /** The second step: a TOTP code or a recovery code (five wrong ones lock it for 15 minutes). */
  @Post('login/mfa')
  @HttpCode(200)
  async loginMfa(
    @Body() dto: MfaLoginDto,
    @Ip() address: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TokenPairDto> {
    const pair = await this.mfa.complete(dto.mfaToken, dto.code, address);
    return answerSession(response, pair, dto.session, this.config);
  }

  /** Limited per session (in TokenService), not per address: one NAT address is a hospital. */
  @Post('refresh')
  @HttpCode(200)
  @SkipThrottle({ address: true })
  async refresh(
    @Body() dto: RefreshDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TokenPairDto> {
    const fromCookie = dto.refreshToken ? undefined : readRefreshCookie(request);
    const pair = await this.tokens.rotate(dto.refreshToken ?? fromCookie ?? '');
    return answerSession(response, pair, fromCookie ? 'cookie' : 'token', this.config);
  }

  /** Ends the session of the refresh token given, or else of the bearer access token. */
  @Post('logout')
  @HttpCode(204)
  @SkipThrottle({ address: true })
  async logout(
    @Body() dto: LogoutDto,
    @Headers('authorization') authorization: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    const [scheme, accessToken] = (authorization ?? '').split(' ');
    await this.tokens.endSession({
      refreshToken: dto.refreshToken,
      accessToken: scheme?.toLowerCase() === 'bearer' ? accessToken : undefined,
    });
    clearRefreshCookie(response);
  }

  @Post('invitations/accept')
  @HttpCode(200)
  async acceptInvitation(@Body() dto: AcceptInvitationDto): Promise<AcceptedInvitationDto> {
    const { accessToken, refreshToken, user } = await this.links.acceptInvitation(
      dto.token,
      dto.password,
    );
    return { accessToken, refreshToken, user: UserDto.of(user) };
  }

  /** 202 whether or not the address has an account: the answer reveals nothing. */
  @Post('password-reset')
  @HttpCode(202)
  async requestPasswordReset(@Body() dto: PasswordResetRequestDto): Promise<void> {
    await this.links.requestPasswordReset(dto.email);
  }

  @Post('password-reset/confirm')
  @HttpCode(204)
  async resetPassword(@Body() dto: PasswordResetDto): Promise<void> {
    await this.links.resetPassword(dto.token, dto.password);
  }
}
