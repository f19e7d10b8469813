import { Body, Controller, Get, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, MfaEnrolmentService, Permission, UsersService } from '@rounds/domain';
import { AllowedBeforeMfa, AnyRole, CurrentActor, Requires } from '../common/access.decorators';
import { IdParam } from '../common/id-param';
import { MfaStatusDto } from './dto/mfa.dto';
import { ChangeRoleDto, CreateUserDto, MeDto, OrganizationDto, UserDto } from './dto/user.dto';

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
    };
  }

  @Get('users')
  @Requires(Permission.ManageUsers)
  async list(@CurrentActor() actor: Actor): Promise<UserDto[]> {
    return (await this.users.list(actor.organizationId)).map(UserDto.of);
  }

  @Post('users')
  @Requires(Permission.ManageUsers)
  async create(@CurrentActor() actor: Actor, @Body() dto: CreateUserDto): Promise<UserDto> {
    return UserDto.of(await this.users.create(actor, dto));
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
}
