import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { MfaStatus } from '@rounds/domain';

export class MfaStatusDto {
  @ApiProperty() enrolled: boolean;
  @ApiProperty({ description: "the organization's policy covers the user's role" })
  required: boolean;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'end of the grace period while the user must enrol and has not',
  })
  enrolBy: string | null;
  @ApiProperty({ description: 'past enrolBy: the session may only enrol' })
  overdue: boolean;

  static of(status: MfaStatus): MfaStatusDto {
    return { ...status, enrolBy: status.enrolBy?.toISOString() ?? null };
  }
}

export class TotpEnrolmentDto {
  @ApiProperty({ description: 'base32, for typing into the app' }) secret: string;
  @ApiProperty() otpauthUrl: string;
  @ApiProperty({ description: 'the otpauth URL as a QR code (PNG data URL)' }) qrCode: string;
}

export class ConfirmTotpDto {
  @ApiProperty({ example: '123456', maxLength: 8 })
  @IsString()
  @Length(6, 8)
  code: string;
}

export class RecoveryCodesDto {
  @ApiProperty({ type: [String], description: 'shown once; each works once' })
  recoveryCodes: string[];
}
