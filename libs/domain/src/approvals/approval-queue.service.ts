import { Injectable } from '@nestjs/common';
import { Actor } from '../identity/actor';
import { PostDetail, PostQueriesService } from '../posts/post-queries.service';
import { isOwnWork } from './approval-rules';

export interface QueueEntry extends PostDetail {
  /** False when the officer wrote it or already approved this revision. */
  mayApprove: boolean;
}

/** The compliance review queue: posts in review, the longest-waiting first, with findings. */
@Injectable()
export class ApprovalQueueService {
  constructor(private readonly queries: PostQueriesService) {}

  async queue(actor: Actor): Promise<QueueEntry[]> {
    const posts = await this.queries.inReview(actor.organizationId);
    return posts.map((detail) => ({
      ...detail,
      mayApprove:
        !isOwnWork(actor, detail.post, detail.revision) &&
        !detail.approverIds.includes(actor.userId),
    }));
  }
}
