import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsEnum, IsString, Length, MaxLength } from 'class-validator';
import { OrganizationEntity, Permission, Role, UserEntity } from '@rounds/domain';
import { EMAIL_MAX, NAME_MAX } from './auth.dto';
import { MfaStatusDto } from './mfa.dto';

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
}

export class ReasonDto {
  @ApiProperty({ example: 'Left the hospital on 2026-03-01', minLength: 3, maxLength: 500 })
  @IsString()
  @Length(3, 500, { message: 'reason must be 3 to 500 characters' })
  reason: string;
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
  @ApiProperty({ nullable: true, type: String }) disabledAt: string | null;
  @ApiProperty({ nullable: true, type: String }) disabledReason: string | null;

  static of(user: UserEntity): UserDto {
    return {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      createdAt: user.createdAt.toISOString(),
      disabledAt: user.disabledAt?.toISOString() ?? null,
      disabledReason: user.disabledReason ?? null,
    };
  }
}

export class InvitationDto {
  @ApiProperty({ description: 'shown once; e-mailed too where SMTP_URL is set' }) url: string;
  @ApiProperty() token: string;
  @ApiProperty() expiresAt: string;
  @ApiProperty({ description: 'whether it went out by e-mail' }) mailed: boolean;
}

export class InvitedUserDto {
  @ApiProperty() user: UserDto;
  @ApiProperty() invitation: InvitationDto;
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
  @ApiProperty({
    enum: Permission,
    enumName: 'Permission',
    isArray: true,
    description: "what the user's role may do: the API's own role table, for the navigation",
  })
  permissions: Permission[];
}

export class AcceptedInvitationDto {
  @ApiProperty() accessToken: string;
  @ApiPropertyOptional() refreshToken?: string;
  @ApiProperty() user: UserDto;
}

export class SignupResultDto {
  @ApiProperty() user: UserDto;
  @ApiProperty() organization: OrganizationDto;
  @ApiProperty() accessToken: string;
  @ApiProperty() refreshToken: string;
}
