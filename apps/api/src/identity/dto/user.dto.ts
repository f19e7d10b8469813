import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsEnum, IsString, Length, MaxLength, MinLength } from 'class-validator';
import { OrganizationEntity, Role, UserEntity } from '@rounds/domain';
import { EMAIL_MAX, NAME_MAX, PASSWORD_MAX } from './auth.dto';

export class CreateUserDto {
  @ApiProperty({ maxLength: EMAIL_MAX })
  @IsEmail()
  @MaxLength(EMAIL_MAX)
  email: string;

  @ApiProperty({ minLength: 1, maxLength: NAME_MAX })
  @IsString()
  @Length(1, NAME_MAX)
  name: string;

  @ApiProperty({ enum: Role })
  @IsEnum(Role, { message: `role must be one of: ${Object.values(Role).join(', ')}` })
  role: Role;

  @ApiProperty({ minLength: 12, maxLength: PASSWORD_MAX })
  @IsString()
  @MinLength(12, { message: 'password must be at least 12 characters' })
  @MaxLength(PASSWORD_MAX)
  password: string;
}

export class ChangeRoleDto {
  @ApiProperty({ enum: Role })
  @IsEnum(Role, { message: `role must be one of: ${Object.values(Role).join(', ')}` })
  role: Role;
}

export class UserDto {
  @ApiProperty() id: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: Role }) role: Role;
  @ApiProperty() createdAt: string;

  static of(user: UserEntity): UserDto {
    return {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      createdAt: user.createdAt.toISOString(),
    };
  }
}

export class OrganizationDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: 'America/Chicago' }) timeZone: string;
  @ApiProperty({ nullable: true, type: String }) pausedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) pauseReason: string | null;

  static of(organization: OrganizationEntity): OrganizationDto {
    return {
      id: organization.id,
      name: organization.name,
      timeZone: organization.timeZone,
      pausedAt: organization.pausedAt?.toISOString() ?? null,
      pauseReason: organization.pauseReason,
    };
  }
}

export class MeDto {
  @ApiProperty() user: UserDto;
  @ApiProperty() organization: OrganizationDto;
}

export class SignupResultDto extends MeDto {
  @ApiProperty() accessToken: string;
  @ApiProperty() refreshToken: string;
}
