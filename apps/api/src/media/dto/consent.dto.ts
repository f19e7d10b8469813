import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import { IsDate, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { ConsentRecordEntity, ConsentState, consentState } from '@rounds/domain';
import { ToDate } from '../../common/date-time-field';

const CONSENT_STATES: ConsentState[] = ['valid', 'pending', 'expired', 'revoked'];

export class RecordConsentDto {
  @ApiProperty({
    example: 'Jordan Reyes',
    description: 'the person shown who signed the release',
    minLength: 1,
    maxLength: 200,
  })
  @IsString()
  @Length(1, 200, { message: 'personName must be 1 to 200 characters' })
  personName: string;

  @ApiProperty({
    example: 'MR-REL-2024-0193',
    description: 'id of the signed release form',
    minLength: 1,
    maxLength: 100,
  })
  @IsString()
  @Length(1, 100, { message: 'formId must be 1 to 100 characters' })
  formId: string;

  @ApiProperty({ type: String, format: 'date-time' })
  @ToDate()
  @IsDate({ message: 'signedAt must be an ISO 8601 date-time' })
  signedAt: Date;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  @IsOptional()
  @ToDate()
  @IsDate({ message: 'expiresAt must be an ISO 8601 date-time' })
  expiresAt?: Date | null;
}

export class RevokeConsentDto {
  @ApiPropertyOptional({ example: 'patient withdrew consent by phone', maxLength: 1000 })
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
