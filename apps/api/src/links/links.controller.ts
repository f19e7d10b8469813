import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { Actor, MAX_TRACKED_URL, Permission, TrackedLinksService } from '@rounds/domain';
import { CurrentActor, Requires } from '../common/access.decorators';

export class TrackLinkDto {
  @ApiProperty({
    example: 'https://www.example-hospital.org/heart-month',
    description: 'an http(s) address; its short link then goes in the text in its place',
    maxLength: MAX_TRACKED_URL,
  })
  @IsString()
  @MaxLength(MAX_TRACKED_URL)
  url: string;
}

export class LinkReservationDto {
  @ApiProperty({ example: 'Ab3dE9xK2q' }) code: string;
  @ApiProperty({ example: 'https://go.example-hospital.org/l/Ab3dE9xK2q' }) shortUrl: string;
  @ApiProperty({ description: 'the address, normalised' }) url: string;
}

@ApiTags('links')
@ApiBearerAuth()
@Controller('links')
export class LinksController {
  constructor(private readonly links: TrackedLinksService) {}

  /**
   * A first-party short link for an address (the composer's "Track"). It redirects only once a
   * post carrying it is approved, to the address with UTM parameters for that post.
   */
  @Post()
  @Requires(Permission.WriteContent)
  reserve(@CurrentActor() actor: Actor, @Body() dto: TrackLinkDto): Promise<LinkReservationDto> {
    return this.links.reserve(actor, dto.url);
  }
}
