import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';
import {
  NOTIFICATION_KINDS,
  NotificationEntity,
  NotificationKind,
  notificationPath,
} from '@rounds/domain';
import { ToBoolean } from '../common/boolean-query';

export class NotificationQueryDto {
  @ApiPropertyOptional({ description: 'only unread notifications' })
  @IsOptional()
  @ToBoolean()
  @IsBoolean({ message: 'unread must be true or false' })
  unread?: boolean;

  @ApiPropertyOptional({ default: 50, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be an integer' })
  @Min(1)
  @Max(200)
  limit?: number;
}

export class NotificationDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: NOTIFICATION_KINDS }) kind: NotificationKind;
  @ApiProperty({ description: 'the post or channel it is about' }) subjectId: string;
  @ApiProperty() title: string;
  @ApiProperty() body: string;
  @ApiProperty({
    description: 'the dashboard page it opens (the same link as its push and e-mail)',
  })
  path: string;
  @ApiProperty({ nullable: true, type: String }) readAt: string | null;
  @ApiProperty() createdAt: string;

  static of(n: NotificationEntity): NotificationDto {
    return {
      id: n.id,
      kind: n.kind,
      subjectId: n.subjectId,
      title: n.title,
      body: n.body,
      path: notificationPath(n.kind, n.subjectId),
      readAt: n.readAt?.toISOString() ?? null,
      createdAt: n.createdAt.toISOString(),
    };
  }
}

export class UnreadCountDto {
  @ApiProperty() count: number;
}

export class MarkedReadDto {
  @ApiProperty() marked: number;
}
