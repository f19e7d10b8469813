import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor } from '../identity/actor';
import { ReviewQueueCursor, reviewQueuePage } from './review-queue';

export const REVIEW_QUEUE_PAGE = 100;

/** The compliance review queue: posts in review, the longest-waiting first. */
@Injectable()
export class ApprovalQueueService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  queue(actor: Actor, limit = REVIEW_QUEUE_PAGE, after?: ReviewQueueCursor) {
    return reviewQueuePage(this.dataSource.manager, actor, limit, after);
  }
}
