import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsDate, IsEnum, IsOptional } from 'class-validator';
import { PostStatus } from '@rounds/domain';
import { ToDate } from '../../common/date-time-field';

const STATUS_LIST_MAX = 200;
// A longer list stays one string, which IsEnum then refuses.
const list = ({ value }: { value: unknown }) =>
  typeof value === 'string' && value.length <= STATUS_LIST_MAX
    ? value.split(',').filter(Boolean)
    : value;

export class CalendarQueryDto {
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

  @ApiPropertyOptional({
    enum: PostStatus,
    isArray: true,
    description: `repeated, or comma-separated (at most ${STATUS_LIST_MAX} characters)`,
    example: 'scheduled,held',
  })
  @IsOptional()
  @Transform(list)
  @IsEnum(PostStatus, {
    each: true,
    message: `status must be among: ${Object.values(PostStatus).join(', ')}`,
  })
  status?: PostStatus[];
}
