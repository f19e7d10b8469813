import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import {
  Actor,
  ApprovalQueueService,
  Permission,
  ReadArea,
  REVIEW_QUEUE_PAGE,
} from '@rounds/domain';
import { AuthenticatedRequest, CurrentActor, Requires } from '../common/access.decorators';
import { ReadCache } from '../common/read-cache';
import { QueueEntryDto } from '../posts/dto/post.dto';
import { encodeCursor, ReviewQueueQueryDto } from './review-queue-query.dto';

@ApiTags('approvals')
@ApiBearerAuth()
@Controller('approvals')
export class ApprovalsController {
  constructor(
    private readonly queue: ApprovalQueueService,
    private readonly reads: ReadCache,
  ) {}

  /** Posts in review, the longest-waiting first; open one for its content and findings. */
  @Get('queue')
  @Requires(Permission.ReviewContent)
  @ApiResponse({
    status: 200,
    type: [QueueEntryDto],
    headers: { 'X-Next-Cursor': { description: 'pass as `after` for the next page, when full' } },
  })
  list(
    @CurrentActor() actor: Actor,
    @Query() { limit = REVIEW_QUEUE_PAGE, after }: ReviewQueueQueryDto,
    @Req() request: Request & AuthenticatedRequest,
    @Res() response: Response,
  ): Promise<void> {
    // Each entry says whether this officer may approve it: the answer is theirs alone.
    const options = { view: 'review-queue', area: ReadArea.Posts, varies: [actor.userId] };
    return this.reads.send(request, response, options, async () => {
      const page = await this.queue.queue(actor, limit, after);
      const last = page.at(-1);
      const headers: Record<string, string> = {};
      if (page.length === limit && last?.submittedAt) {
        const cursor = { submittedAt: last.submittedAt.toISOString(), id: last.id };
        headers['X-Next-Cursor'] = encodeCursor(cursor);
      }
      return { body: page.map(QueueEntryDto.of), headers };
    });
  }
}
