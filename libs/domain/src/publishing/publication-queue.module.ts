import { Module } from '@nestjs/common';
import { PublicationRepository } from './publication.repository';
import { AfterCommit } from '../notifications/after-commit';
import { PublicationScheduler } from './publication-scheduler.service';

/** The publish queue's producer side, small enough for the posts module to import. */
@Module({
  providers: [PublicationScheduler, PublicationRepository, AfterCommit],
  exports: [PublicationScheduler, PublicationRepository],
})
export class PublicationQueueModule {}
