import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { AuditEventEntity, JsonObject } from '@rounds/domain';
import { ToDate } from '../common/date-time-field';

/** A period of the trail: from (inclusive) to (exclusive), either open. */
export class AuditExportQueryDto {
  @ApiPropertyOptional({ type: String, format: 'date-time' })
  @IsOptional()
  @ToDate()
  @IsDate({ message: 'from must be an ISO 8601 date-time' })
  from?: Date;

  @ApiPropertyOptional({ type: String, format: 'date-time' })
  @IsOptional()
  @ToDate()
  @IsDate({ message: 'to must be an ISO 8601 date-time' })
  to?: Date;
}

export class AuditQueryDto extends AuditExportQueryDto {
  @ApiPropertyOptional({ example: 'post', maxLength: 40 })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  subjectType?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  subjectId?: string;

  @ApiPropertyOptional({ default: 200, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}

export class AuditEventDto {
  @ApiProperty() id: string;
  @ApiProperty() seq: number;
  @ApiProperty() occurredAt: string;
  @ApiProperty({ nullable: true, type: String }) actorId: string | null;
  @ApiProperty() action: string;
  @ApiProperty() subjectType: string;
  @ApiProperty({ nullable: true, type: String }) subjectId: string | null;
  @ApiProperty({ type: Object }) data: JsonObject;
  @ApiProperty() hash: string;

  static of(event: AuditEventEntity): AuditEventDto {
    return {
      id: event.id,
      seq: event.seq,
      occurredAt: event.occurredAt.toISOString(),
      actorId: event.actorId,
      action: event.action,
      subjectType: event.subjectType,
      subjectId: event.subjectId,
      data: event.data,
      hash: event.hash,
    };
  }
}
