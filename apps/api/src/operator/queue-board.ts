import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { BULL_BOARD_INSTANCE, type BullBoardInstance } from '@bull-board/nestjs';
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { AppConfig } from '@rounds/config';
import { JobProducer, QueueName } from '@rounds/queue';

/** Shows every queue in Bull Board, read-only unless the operator's config says otherwise. */
@Injectable()
export class QueueBoard implements OnModuleInit {
  constructor(
    @Inject(BULL_BOARD_INSTANCE) private readonly board: BullBoardInstance,
    private readonly jobs: JobProducer,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    const readOnlyMode = !this.config.OPERATOR_QUEUES_WRITABLE;
    const queues = Object.values(QueueName).map((name) => this.jobs.queue(name));
    this.board.setQueues(queues.map((queue) => new BullMQAdapter(queue, { readOnlyMode })));
  }
}
