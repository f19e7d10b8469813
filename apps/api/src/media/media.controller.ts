import {
  Body,
  Controller,
  Get,
  Headers,
  HttpException,
  HttpStatus,
  Patch,
  Post,
  Query,
  Res,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  Actor,
  ConsentService,
  MediaEntity,
  MediaRefusal,
  MediaService,
  Permission,
} from '@rounds/domain';
import { CurrentActor, Requires } from '../common/access.decorators';
import { IdParam } from '../common/id-param';
import { parseByteRange } from './byte-range';
import { MediaDto, MediaQueryDto, UpdateMediaDto, UploadMediaDto } from './dto/media.dto';
import { MediaUploadInterceptor, UploadedMedia } from './media-upload.interceptor';

@ApiTags('media')
@ApiBearerAuth()
@Controller('media')
export class MediaController {
  constructor(
    private readonly media: MediaService,
    private readonly consents: ConsentService,
  ) {}

  @Post()
  @Requires(Permission.UploadMedia)
  @UseInterceptors(MediaUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: { type: 'string', format: 'binary' },
        showsPatient: { type: 'boolean' },
      },
    },
  })
  async upload(
    @CurrentActor() actor: Actor,
    @UploadedFile() file: UploadedMedia | undefined,
    @Body() dto: UploadMediaDto,
  ): Promise<MediaDto> {
    if (!file) throw MediaRefusal.missing();
    const media = await this.media.register(actor, file.ingested, {
      originalName: file.originalname,
      showsPatient: dto.showsPatient ?? false,
    });
    return this.view(actor, media);
  }

  @Get()
  @Requires(Permission.ReadContent)
  async list(@CurrentActor() actor: Actor, @Query() query: MediaQueryDto): Promise<MediaDto[]> {
    const media = await this.media.list(actor.organizationId, query);
    const statuses = await this.consents.statuses(actor.organizationId, media);
    return media.map((m) => MediaDto.of(m, statuses.get(m.id) ?? 'missing'));
  }

  @Get(':id')
  @Requires(Permission.ReadContent)
  async get(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<MediaDto> {
    return this.view(actor, await this.media.get(actor.organizationId, id));
  }

  @Get(':id/content')
  @Requires(Permission.ReadContent)
  async content(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Headers('range') rangeHeader: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const media = await this.media.get(actor.organizationId, id);
    const range = parseByteRange(rangeHeader, media.sizeBytes);
    response.setHeader('Accept-Ranges', 'bytes');
    if (range === null) {
      response.setHeader('Content-Range', `bytes */${media.sizeBytes}`);
      throw new HttpException(
        'the requested range is outside the file',
        HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE,
      );
    }
    response.setHeader('ETag', `"${media.sha256}"`);
    response.setHeader('Cache-Control', 'private, max-age=86400, immutable');
    // Served from the API's origin: nothing in it may run, whatever a browser makes of it.
    response.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    if (range) {
      response.status(HttpStatus.PARTIAL_CONTENT);
      response.setHeader('Content-Range', `bytes ${range.start}-${range.end}/${media.sizeBytes}`);
    }
    return new StreamableFile(this.media.content(media, range ?? undefined), {
      type: media.mimeType,
      length: range ? range.end - range.start + 1 : media.sizeBytes,
      disposition: `inline; filename*=UTF-8''${encodeURIComponent(media.originalName)}`,
    });
  }

  @Patch(':id')
  @Requires(Permission.ManageConsent)
  async update(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() dto: UpdateMediaDto,
  ): Promise<MediaDto> {
    return this.view(actor, await this.media.setShowsPatient(actor, id, dto.showsPatient));
  }

  private async view(actor: Actor, media: MediaEntity): Promise<MediaDto> {
    const statuses = await this.consents.statuses(actor.organizationId, [media]);
    return MediaDto.of(media, statuses.get(media.id) ?? 'missing');
  }
}
