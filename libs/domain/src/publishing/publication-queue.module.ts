import { Module } from '@nestjs/common';
import { AfterCommit } from '../notifications/after-commit';
import { PublicationScheduler } from './publication-scheduler.service';

/** The publish queue's producer side, small enough for the posts module to import. */
@Module({
  providers: [PublicationScheduler, AfterCommit],
  exports: [PublicationScheduler],
})
export class PublicationQueueModule {}
