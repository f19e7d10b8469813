import { ApiPropertyOptional } from '@nestjs/swagger';
import { plainToInstance, Transform, Type } from 'class-transformer';
import { IsDateString, IsInt, IsOptional, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import type { ReviewQueueCursor } from '@rounds/domain';

class CursorDto implements ReviewQueueCursor {
  @IsDateString() submittedAt: string;
  @IsUUID() id: string;
}

/** An opaque cursor: the page's last entry, base64url JSON. */
export const encodeCursor = (cursor: ReviewQueueCursor) =>
  Buffer.from(JSON.stringify(cursor)).toString('base64url');

/** The cursor's fields to validate, or the raw value (refused as not a cursor). */
const decodeCursor = ({ value }: { value: unknown }): unknown => {
  try {
    const parsed = JSON.parse(Buffer.from(String(value), 'base64url').toString()) as unknown;
    return typeof parsed === 'object' && parsed ? plainToInstance(CursorDto, parsed) : value;
  } catch {
    return value;
  }
};

export class ReviewQueueQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ description: 'the X-Next-Cursor header of the previous page' })
  @IsOptional()
  @Transform(decodeCursor)
  @ValidateNested({ message: 'after must be a cursor this API gave' })
  after?: CursorDto;
}
