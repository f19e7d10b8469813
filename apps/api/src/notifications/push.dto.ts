import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, IsUrl, Matches, MaxLength, ValidateNested } from 'class-validator';

const ENDPOINT_MAX = 2000;

export class PushKeyDto {
  @ApiProperty({ description: 'false while the server has no VAPID keys' }) enabled: boolean;
  @ApiProperty({
    nullable: true,
    type: String,
    description: "the VAPID public key (base64url), the browser's applicationServerKey",
  })
  publicKey: string | null;
}

export class PushEndpointDto {
  @ApiProperty({ description: "the push service's URL for this browser", maxLength: ENDPOINT_MAX })
  @MaxLength(ENDPOINT_MAX)
  @IsUrl(
    { protocols: ['https'], require_protocol: true, require_tld: false },
    { message: 'endpoint must be an https URL' },
  )
  endpoint: string;
}

export class PushKeysDto {
  @ApiProperty({ description: "the browser's P-256 public key, base64url", maxLength: 88 })
  @Matches(/^[A-Za-z0-9_-]{86,88}={0,2}$/, {
    message: 'keys.p256dh must be a base64url P-256 public key',
  })
  p256dh: string;

  @ApiProperty({ description: 'the 16-byte auth secret, base64url', maxLength: 24 })
  @Matches(/^[A-Za-z0-9_-]{22,24}={0,2}$/, {
    message: 'keys.auth must be a base64url 16-byte secret',
  })
  auth: string;
}

/** The browser's PushSubscription as `subscription.toJSON()` gives it. */
export class PushSubscriptionDto extends PushEndpointDto {
  @ApiProperty({ type: PushKeysDto })
  @IsObject()
  @ValidateNested()
  @Type(() => PushKeysDto)
  keys: PushKeysDto;
}
