import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsDate, IsEnum, IsOptional } from 'class-validator';
import { PostStatus } from '@rounds/domain';

const list = ({ value }: { value: unknown }) =>
  value === undefined ? undefined : String(value).split(',').filter(Boolean);

export class CalendarQueryDto {
  @ApiPropertyOptional({ type: String, format: 'date-time' })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'from must be an ISO 8601 date-time' })
  from?: Date;

  @ApiPropertyOptional({ type: String, format: 'date-time' })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'to must be an ISO 8601 date-time' })
  to?: Date;

  @ApiPropertyOptional({ description: 'comma-separated statuses', example: 'scheduled,held' })
  @IsOptional()
  @Transform(list)
  @IsEnum(PostStatus, {
    each: true,
    message: `status must be among: ${Object.values(PostStatus).join(', ')}`,
  })
  status?: PostStatus[];
}
