import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import { CHANNEL_PLATFORMS, CHANNEL_STATUSES, ChannelEntity } from '@rounds/domain';
import type { ChannelPlatform, ChannelStatus } from '@rounds/domain';
import { ToBoolean } from '../../common/boolean-query';

/** A channel as staff see it: never its tokens. */
export class ChannelDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: CHANNEL_PLATFORMS }) platform: ChannelPlatform;
  @ApiProperty({ description: 'X user id or YouTube channel id' }) externalAccountId: string;
  @ApiProperty() handle: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: CHANNEL_STATUSES }) status: ChannelStatus;
  @ApiProperty({ nullable: true, type: String }) statusReason: string | null;
  @ApiProperty({ example: '#1d9bf0' }) color: string;
  @ApiProperty({ type: [String] }) scopes: string[];
  @ApiProperty({ nullable: true, type: String }) connectedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) connectedById: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'its posts wait until then (429)' })
  rateLimitedUntil: string | null;

  static of(channel: ChannelEntity): ChannelDto {
    return {
      id: channel.id,
      platform: channel.platform,
      externalAccountId: channel.externalAccountId,
      handle: channel.handle,
      displayName: channel.displayName,
      status: channel.status,
      statusReason: channel.statusReason,
      color: channel.color,
      scopes: channel.scopes,
      connectedAt: channel.connectedAt?.toISOString() ?? null,
      connectedById: channel.connectedById,
      rateLimitedUntil: channel.rateLimitedUntil?.toISOString() ?? null,
    };
  }
}

export class ChannelListQueryDto {
  @ApiPropertyOptional({ description: 'also list disconnected channels' })
  @IsOptional()
  @ToBoolean()
  @IsBoolean({ message: 'includeDisconnected must be true or false' })
  includeDisconnected?: boolean;
}

export class ConnectResultDto {
  @ApiProperty({ description: "the platform's consent page; send the admin's browser there" })
  authorizeUrl: string;
}
