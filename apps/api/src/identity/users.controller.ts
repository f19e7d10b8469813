import { Body, Controller, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  Actor,
  MfaEnrolmentService,
  Permission,
  ROLE_PERMISSIONS,
  UsersService,
} from '@rounds/domain';
import { AllowedBeforeMfa, AnyRole, CurrentActor, Requires } from '../common/access.decorators';
import { IdParam } from '../common/id-param';
import { MfaStatusDto } from './dto/mfa.dto';
import { ChangePasswordDto } from './dto/auth.dto';
import {
  ChangeRoleDto,
  CreateUserDto,
  InvitedUserDto,
  MeDto,
  OrganizationDto,
  ReasonDto,
  UserDto,
} from './dto/user.dto';

@ApiTags('users')
@ApiBearerAuth()
@Controller()
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly mfa: MfaEnrolmentService,
  ) {}

  @Get('me')
  @AnyRole()
  @AllowedBeforeMfa()
  async me(@CurrentActor() actor: Actor): Promise<MeDto> {
    const [{ user, organization }, mfa] = await Promise.all([
      this.users.me(actor),
      this.mfa.status(actor),
    ]);
    return {
      user: UserDto.of(user),
      organization: OrganizationDto.of(organization),
      mfa: MfaStatusDto.of(mfa),
      permissions: [...ROLE_PERMISSIONS[user.role]],
    };
  }

  /** Other sessions of the account end; this one stays signed in. */
  @Post('me/password')
  @AnyRole()
  @HttpCode(204)
  async changePassword(
    @CurrentActor() actor: Actor,
    @Body() dto: ChangePasswordDto,
  ): Promise<void> {
    await this.users.changePassword(actor, dto.currentPassword, dto.newPassword);
  }

  @Get('users')
  @Requires(Permission.ManageUsers)
  async list(@CurrentActor() actor: Actor): Promise<UserDto[]> {
    return (await this.users.list(actor.organizationId)).map(UserDto.of);
  }

  /** An invitation: the person sets their own password through the link (shown once here). */
  @Post('users')
  @Requires(Permission.ManageUsers)
  async invite(@CurrentActor() actor: Actor, @Body() dto: CreateUserDto): Promise<InvitedUserDto> {
    const { user, invitation } = await this.users.invite(actor, dto);
    return {
      user: UserDto.of(user),
      invitation: { ...invitation, expiresAt: invitation.expiresAt.toISOString() },
    };
  }

  @Patch('users/:id')
  @Requires(Permission.ManageUsers)
  async changeRole(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() dto: ChangeRoleDto,
  ): Promise<UserDto> {
    return UserDto.of(await this.users.changeRole(actor, id, dto.role));
  }

  @Post('users/:id/deactivate')
  @Requires(Permission.ManageUsers)
  @HttpCode(200)
  async deactivate(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() dto: ReasonDto,
  ): Promise<UserDto> {
    return UserDto.of(await this.users.deactivate(actor, id, dto.reason));
  }

  @Post('users/:id/reactivate')
  @Requires(Permission.ManageUsers)
  @HttpCode(200)
  async reactivate(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() dto: ReasonDto,
  ): Promise<UserDto> {
    return UserDto.of(await this.users.reactivate(actor, id, dto.reason));
  }
}
