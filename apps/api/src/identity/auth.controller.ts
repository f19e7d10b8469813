import { Body, Controller, Headers, HttpCode, Ip, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { SkipThrottle, ThrottlerGuard } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { AppConfig } from '@rounds/config';
import { AccountLinksService, IdentityService, TokenPair, TokenService } from '@rounds/domain';
import { Public } from '../common/access.decorators';
import {
  AcceptInvitationDto,
  LoginDto,
  LogoutDto,
  PasswordResetDto,
  PasswordResetRequestDto,
  RefreshDto,
  SessionMode,
  SignupDto,
  TokenPairDto,
} from './dto/auth.dto';
import { AcceptedInvitationDto, OrganizationDto, SignupResultDto, UserDto } from './dto/user.dto';
import { clearRefreshCookie, readRefreshCookie, setRefreshCookie } from './session-cookie';

@ApiTags('auth')
@Public()
@UseGuards(ThrottlerGuard)
@Controller('auth')
export class AuthController {
  constructor(
    private readonly identity: IdentityService,
    private readonly tokens: TokenService,
    private readonly links: AccountLinksService,
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
  ): Promise<TokenPairDto> {
    const pair = await this.identity.login(dto.email, dto.password, address);
    return this.answer(pair, dto.session ?? 'token', response);
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
    return this.answer(pair, fromCookie ? 'cookie' : 'token', response);
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

  private answer(pair: TokenPair, mode: SessionMode, response: Response): TokenPairDto {
    if (mode === 'token') return pair;
    setRefreshCookie(response, pair.refreshToken, this.config.SESSION_MAX_HOURS * 3_600_000);
    return { accessToken: pair.accessToken };
  }
}
