import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsDate, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { ConsentStatus, MediaEntity, MediaKind } from '@rounds/domain';
import { ToDate } from '../../common/date-time-field';

const MEDIA_KINDS: MediaKind[] = ['image', 'video', 'caption'];
const CONSENT_STATUSES: ConsentStatus[] = ['not_required', 'valid', 'missing', 'lapsed'];

/** Multipart fields arrive as text: "true"/"false" become booleans, anything else fails IsBoolean. */
const booleanField = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;

export class UploadMediaDto {
  @ApiPropertyOptional({
    description: 'a patient is recognisable: approval needs a consent record',
  })
  @IsOptional()
  @Transform(booleanField)
  @IsBoolean({ message: 'showsPatient must be true or false' })
  showsPatient?: boolean;
}

export class UpdateMediaDto {
  @ApiProperty()
  @IsBoolean({ message: 'showsPatient must be true or false' })
  showsPatient: boolean;
}

export class MediaQueryDto {
  @ApiPropertyOptional({ enum: MEDIA_KINDS })
  @IsOptional()
  @IsIn(MEDIA_KINDS, { message: `kind must be one of: ${MEDIA_KINDS.join(', ')}` })
  kind?: MediaKind;

  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'page: uploaded before' })
  @IsOptional()
  @ToDate()
  @IsDate({ message: 'before must be an ISO 8601 date-time' })
  before?: Date;

  @ApiPropertyOptional({ default: 50, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be an integer' })
  @Min(1)
  @Max(200)
  limit?: number;
}

export class MediaDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: MEDIA_KINDS }) kind: MediaKind;
  @ApiProperty({ example: 'image/png' }) mimeType: string;
  @ApiProperty({ description: 'bytes' }) size: number;
  @ApiProperty() sha256: string;
  @ApiProperty({ nullable: true, type: Number }) width: number | null;
  @ApiProperty({ nullable: true, type: Number }) height: number | null;
  @ApiProperty({ nullable: true, type: Number }) durationSeconds: number | null;
  @ApiProperty() originalName: string;
  @ApiProperty() showsPatient: boolean;
  @ApiProperty({ enum: CONSENT_STATUSES }) consentStatus: ConsentStatus;
  @ApiProperty({ example: '/api/v1/media/{id}/content' }) contentUrl: string;
  @ApiProperty() createdById: string;
  @ApiProperty() createdAt: string;

  static of(media: MediaEntity, consentStatus: ConsentStatus): MediaDto {
    return {
      id: media.id,
      kind: media.kind,
      mimeType: media.mimeType,
      size: media.sizeBytes,
      sha256: media.sha256,
      width: media.width ?? null,
      height: media.height ?? null,
      durationSeconds: media.durationSeconds ?? null,
      originalName: media.originalName,
      showsPatient: media.showsPatient,
      consentStatus,
      contentUrl: `/api/v1/media/${media.id}/content`,
      createdById: media.createdById,
      createdAt: media.createdAt.toISOString(),
    };
  }
}
