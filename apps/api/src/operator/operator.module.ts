import { ExpressAdapter } from '@bull-board/express';
import { BullBoardModule } from '@bull-board/nestjs';
import { Module } from '@nestjs/common';
import { AppConfig } from '@rounds/config';
import { operatorAuth } from './operator-auth.middleware';
import { QueueBoard } from './queue-board';
import { QueueMetrics } from './queue-metrics';

export const OPERATOR_QUEUES_ROUTE = '/admin/queues';

/** Bull Board at /admin/queues for the service's operator, and the queues' Prometheus metrics. */
@Module({
  imports: [
    BullBoardModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        route: OPERATOR_QUEUES_ROUTE,
        adapter: ExpressAdapter,
        middleware: operatorAuth(config.OPERATOR_TOKEN),
      }),
    }),
  ],
  providers: [QueueBoard, QueueMetrics],
})
export class OperatorModule {}
