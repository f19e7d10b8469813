import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsEnum, IsString, Length, MaxLength, MinLength } from 'class-validator';
import { OrganizationEntity, Role, UserEntity } from '@rounds/domain';
import { MfaStatusDto } from './mfa.dto';

export class CreateUserDto {
  @ApiProperty()
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty()
  @IsString()
  @Length(1, 120)
  name: string;

  @ApiProperty({ enum: Role })
  @IsEnum(Role, { message: `role must be one of: ${Object.values(Role).join(', ')}` })
  role: Role;

  @ApiProperty({ minLength: 12 })
  @IsString()
  @MinLength(12, { message: 'password must be at least 12 characters' })
  @MaxLength(256)
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
  @ApiProperty({ description: 'where the user stands with the MFA policy' }) mfa: MfaStatusDto;
}

export class SignupResultDto {
  @ApiProperty() user: UserDto;
  @ApiProperty() organization: OrganizationDto;
  @ApiProperty() accessToken: string;
  @ApiProperty() refreshToken: string;
}
