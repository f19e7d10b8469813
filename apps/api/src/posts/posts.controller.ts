import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  Actor,
  CostPreviewService,
  Permission,
  PostQueriesService,
  PostsService,
} from '@rounds/domain';
import { CurrentActor, Requires } from '../common/access.decorators';
import { IdParam } from '../common/id-param';
import { CalendarQueryDto } from './dto/calendar-query.dto';
import { CostPreviewDto, CostPreviewRequestDto } from './dto/cost-preview.dto';
import { CreatePostDto, UpdatePostDto } from './dto/post-input.dto';
import { PostDetailDto, PostSummaryDto } from './dto/post.dto';

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
    @Query() query: CalendarQueryDto,
  ): Promise<PostSummaryDto[]> {
    const views = await this.queries.calendar(actor.organizationId, {
      from: query.from,
      to: query.to,
      statuses: query.status,
    });
    return views.map(PostSummaryDto.of);
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
