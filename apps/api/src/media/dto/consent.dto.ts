import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { ConsentRecordEntity, ConsentState, consentState } from '@rounds/domain';

const CONSENT_STATES: ConsentState[] = ['valid', 'pending', 'expired', 'revoked'];

export class RecordConsentDto {
  @ApiProperty({ example: 'Jordan Reyes', description: 'the person shown who signed the release' })
  @IsString()
  @Length(1, 200, { message: 'personName must be 1 to 200 characters' })
  personName: string;

  @ApiProperty({ example: 'MR-REL-2024-0193', description: 'id of the signed release form' })
  @IsString()
  @Length(1, 100, { message: 'formId must be 1 to 100 characters' })
  formId: string;

  @ApiProperty({ type: String, format: 'date-time' })
  @Type(() => Date)
  @IsDate({ message: 'signedAt must be an ISO 8601 date-time' })
  signedAt: Date;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'expiresAt must be an ISO 8601 date-time' })
  expiresAt?: Date | null;
}

export class RevokeConsentDto {
  @ApiPropertyOptional({ example: 'patient withdrew consent by phone' })
  @IsOptional()
  @IsString()
  @MaxLength(1000, { message: 'reason must be at most 1000 characters' })
  reason?: string;
}

export class ConsentDto {
  @ApiProperty() id: string;
  @ApiProperty() mediaId: string;
  @ApiProperty() personName: string;
  @ApiProperty() formId: string;
  @ApiProperty() signedAt: string;
  @ApiProperty({ nullable: true, type: String }) expiresAt: string | null;
  @ApiProperty({ nullable: true, type: String }) revokedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) revokedById: string | null;
  @ApiProperty({ nullable: true, type: String }) revocationReason: string | null;
  @ApiProperty() recordedById: string;
  @ApiProperty({ enum: CONSENT_STATES }) status: ConsentState;
  @ApiProperty() createdAt: string;

  static of(consent: ConsentRecordEntity, now = new Date()): ConsentDto {
    return {
      id: consent.id,
      mediaId: consent.mediaId,
      personName: consent.personName,
      formId: consent.formId,
      signedAt: consent.signedAt.toISOString(),
      expiresAt: consent.expiresAt?.toISOString() ?? null,
      revokedAt: consent.revokedAt?.toISOString() ?? null,
      revokedById: consent.revokedById,
      revocationReason: consent.revocationReason,
      recordedById: consent.recordedById,
      status: consentState(consent, now),
      createdAt: consent.createdAt.toISOString(),
    };
  }
}
