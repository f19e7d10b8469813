import { Body, Controller, Get, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, Permission, UsersService } from '@rounds/domain';
import { AnyRole, CurrentActor, Requires } from '../common/access.decorators';
import { IdParam } from '../common/id-param';
import { ChangeRoleDto, CreateUserDto, MeDto, OrganizationDto, UserDto } from './dto/user.dto';

@ApiTags('users')
@ApiBearerAuth()
@Controller()
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get('me')
  @AnyRole()
  async me(@CurrentActor() actor: Actor): Promise<MeDto> {
    const { user, organization } = await this.users.me(actor);
    return { user: UserDto.of(user), organization: OrganizationDto.of(organization) };
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
