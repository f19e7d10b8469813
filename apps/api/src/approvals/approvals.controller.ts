import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Actor, ApprovalQueueService, Permission, REVIEW_QUEUE_PAGE } from '@rounds/domain';
import { CurrentActor, Requires } from '../common/access.decorators';
import { alreadyHeld } from '../common/conditional-get';
import { QueueEntryDto } from '../posts/dto/post.dto';
import { encodeCursor, ReviewQueueQueryDto } from './review-queue-query.dto';

@ApiTags('approvals')
@ApiBearerAuth()
@Controller('approvals')
export class ApprovalsController {
  constructor(private readonly queue: ApprovalQueueService) {}

  /** Posts in review, the longest-waiting first; open one for its content and findings. */
  @Get('queue')
  @Requires(Permission.ReviewContent)
  @ApiResponse({
    status: 200,
    type: [QueueEntryDto],
    headers: { 'X-Next-Cursor': { description: 'pass as `after` for the next page, when full' } },
  })
  async list(
    @CurrentActor() actor: Actor,
    @Query() { limit = REVIEW_QUEUE_PAGE, after }: ReviewQueueQueryDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<QueueEntryDto[]> {
    if (!after && alreadyHeld(request, response, await this.queue.version(actor, limit))) return [];
    const page = await this.queue.queue(actor, limit, after);
    const last = page.at(-1);
    if (page.length === limit && last?.submittedAt) {
      const cursor = { submittedAt: last.submittedAt.toISOString(), id: last.id };
      response.setHeader('X-Next-Cursor', encodeCursor(cursor));
    }
    return page.map(QueueEntryDto.of);
  }
}
