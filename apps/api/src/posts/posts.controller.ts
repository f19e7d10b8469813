import { Body, Controller, Get, HttpCode, Patch, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import {
  Actor,
  CostPreviewService,
  Permission,
  PostQueriesService,
  PostsService,
  ReadArea,
} from '@rounds/domain';
import { AuthenticatedRequest, CurrentActor, Requires } from '../common/access.decorators';
import { IdParam } from '../common/id-param';
import { ReadCache, ReadOptions } from '../common/read-cache';
import { CalendarQueryDto } from './dto/calendar-query.dto';
import { CostPreviewDto, CostPreviewRequestDto } from './dto/cost-preview.dto';
import { CreatePostDto, UpdatePostDto } from './dto/post-input.dto';
import { CalendarEntryDto, PostDetailDto } from './dto/post.dto';

const CALENDAR: ReadOptions = { view: 'calendar', area: ReadArea.Posts };

@ApiTags('posts')
@ApiBearerAuth()
@Controller('posts')
export class PostsController {
  constructor(
    private readonly posts: PostsService,
    private readonly queries: PostQueriesService,
    private readonly costs: CostPreviewService,
    private readonly reads: ReadCache,
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

  /** What the calendar draws of the posts scheduled in [from, to], earliest first. */
  @Get()
  @Requires(Permission.ReadContent)
  @ApiOkResponse({ type: [CalendarEntryDto] })
  calendar(
    @CurrentActor() actor: Actor,
    @Query() { from, to, status }: CalendarQueryDto,
    @Req() request: Request & AuthenticatedRequest,
    @Res() response: Response,
  ): Promise<void> {
    const query = { from, to, statuses: status };
    return this.reads.send(request, response, CALENDAR, async () => ({
      body: (await this.queries.calendar(actor.organizationId, query)).map(CalendarEntryDto.of),
    }));
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
