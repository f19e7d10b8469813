import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, ApprovalQueueService, Permission } from '@rounds/domain';
import { CurrentActor, Requires } from '../common/access.decorators';
import { QueueEntryDto } from '../posts/dto/post.dto';

@ApiTags('approvals')
@ApiBearerAuth()
@Controller('approvals')
export class ApprovalsController {
  constructor(private readonly queue: ApprovalQueueService) {}

  /** Posts in review, the longest-waiting first, with their findings. */
  @Get('queue')
  @Requires(Permission.ReviewContent)
  async list(@CurrentActor() actor: Actor): Promise<QueueEntryDto[]> {
    return (await this.queue.queue(actor)).map(QueueEntryDto.of);
  }
}
