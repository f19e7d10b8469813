import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  Actor,
  ApprovalService,
  Permission,
  PostActionsService,
  ReviewService,
} from '@rounds/domain';
import { CurrentActor, Requires } from '../common/access.decorators';
import { IdParam } from '../common/id-param';
import { ApproveDto, CommentDto, RejectDto, ReleaseDto } from './dto/post-actions.dto';
import { PostDetailDto } from './dto/post.dto';

/** A post's lifecycle actions: submit, approve, reject, cancel, release. */
@ApiTags('posts')
@ApiBearerAuth()
@Controller('posts/:id')
export class PostActionsController {
  constructor(
    private readonly review: ReviewService,
    private readonly approvals: ApprovalService,
    private readonly actions: PostActionsService,
  ) {}

  @Post('submit')
  @HttpCode(200)
  @Requires(Permission.WriteContent)
  async submit(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<PostDetailDto> {
    return PostDetailDto.of(await this.review.submit(actor, id));
  }

  @Post('approve')
  @HttpCode(200)
  @Requires(Permission.ReviewContent)
  async approve(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() dto: ApproveDto,
  ): Promise<PostDetailDto> {
    return PostDetailDto.of(await this.approvals.approve(actor, id, dto));
  }

  @Post('reject')
  @HttpCode(200)
  @Requires(Permission.ReviewContent)
  async reject(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() dto: RejectDto,
  ): Promise<PostDetailDto> {
    return PostDetailDto.of(await this.review.reject(actor, id, dto.comment));
  }

  @Post('cancel')
  @HttpCode(200)
  @Requires(Permission.WriteContent)
  async cancel(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() dto: CommentDto,
  ): Promise<PostDetailDto> {
    return PostDetailDto.of(await this.actions.cancel(actor, id, dto.comment));
  }

  @Post('release')
  @HttpCode(200)
  @Requires(Permission.WriteContent)
  async release(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() dto: ReleaseDto,
  ): Promise<PostDetailDto> {
    return PostDetailDto.of(await this.actions.release(actor, id, dto));
  }
}
