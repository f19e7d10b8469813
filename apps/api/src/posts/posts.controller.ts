import { Body, Controller, Get, HttpCode, Patch, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import {
  Actor,
  CostPreviewService,
  Permission,
  PostQueriesService,
  PostsService,
} from '@rounds/domain';
import { CurrentActor, Requires } from '../common/access.decorators';
import { alreadyHeld } from '../common/conditional-get';
import { IdParam } from '../common/id-param';
import { CalendarQueryDto } from './dto/calendar-query.dto';
import { CostPreviewDto, CostPreviewRequestDto } from './dto/cost-preview.dto';
import { CreatePostDto, UpdatePostDto } from './dto/post-input.dto';
import { CalendarEntryDto, PostDetailDto } from './dto/post.dto';

@ApiTags('posts')
@ApiBearerAuth()
@Controller('posts')
export class PostsController {
  constructor(
    private readonly posts: PostsService,
    private readonly queries: PostQueriesService,
    private readonly costs: CostPreviewService,
  ) {}

  @Post()
  @Requires(Permission.WriteContent)
  async create(@CurrentActor() actor: Actor, @Body() dto: CreatePostDto): Promise<PostDetailDto> {
    return PostDetailDto.of(await this.posts.create(actor, dto));
  }

  /** The composer's "Cost & quota" panel: nothing is saved. */
  @Post('cost-preview')
  @HttpCode(200)
  @Requires(Permission.WriteContent)
  async costPreview(
    @CurrentActor() actor: Actor,
    @Body() dto: CostPreviewRequestDto,
  ): Promise<CostPreviewDto> {
    return CostPreviewDto.of(await this.costs.preview(actor.organizationId, dto));
  }

  @Get()
  @Requires(Permission.ReadContent)
  async calendar(
    @CurrentActor() actor: Actor,
    @Query() { from, to, status }: CalendarQueryDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CalendarEntryDto[]> {
    const query = { from, to, statuses: status };
    const version = await this.queries.calendarVersion(actor.organizationId, query);
    if (alreadyHeld(request, response, version)) return [];
    return (await this.queries.calendar(actor.organizationId, query)).map(CalendarEntryDto.of);
  }

  @Get(':id')
  @Requires(Permission.ReadContent)
  async detail(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<PostDetailDto> {
    return PostDetailDto.of(await this.queries.detail(actor.organizationId, id));
  }

  @Patch(':id')
  @Requires(Permission.WriteContent)
  async edit(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() dto: UpdatePostDto,
  ): Promise<PostDetailDto> {
    return PostDetailDto.of(await this.posts.edit(actor, id, dto));
  }
}
