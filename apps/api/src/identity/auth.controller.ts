import { Body, Controller, HttpCode, Ip, Post, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { IdentityService, MfaLoginService, TokenService } from '@rounds/domain';
import { Public } from '../common/access.decorators';
import {
  LoginDto,
  LoginResultDto,
  MfaLoginDto,
  RefreshDto,
  SignupDto,
  TokenPairDto,
} from './dto/auth.dto';
import { OrganizationDto, SignupResultDto, UserDto } from './dto/user.dto';

@ApiTags('auth')
@Public()
@UseGuards(ThrottlerGuard)
@Controller('auth')
export class AuthController {
  constructor(
    private readonly identity: IdentityService,
    private readonly tokens: TokenService,
    private readonly mfa: MfaLoginService,
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
  login(@Body() dto: LoginDto, @Ip() address: string): Promise<LoginResultDto> {
    return this.identity.login(dto.email, dto.password, address);
  }

  /** The second step: a TOTP code or a recovery code (five wrong ones lock it for 15 minutes). */
  @Post('login/mfa')
  @HttpCode(200)
  loginMfa(@Body() dto: MfaLoginDto, @Ip() address: string): Promise<TokenPairDto> {
    return this.mfa.complete(dto.mfaToken, dto.code, address);
  }

  @Post('refresh')
  @HttpCode(200)
  refresh(@Body() dto: RefreshDto): Promise<TokenPairDto> {
    return this.tokens.rotate(dto.refreshToken);
  }
}
