import { Module } from '@nestjs/common';
import { FeedbackOwners } from './feedback-owners.service';
import { FeedbackSettingsRepository } from './feedback-settings.repository';
import { FeedbackSettingsService } from './feedback-settings.service';

/** Owners and response targets of patient-feedback categories (api: Settings; worker: alerts). */
@Module({
  providers: [FeedbackSettingsRepository, FeedbackSettingsService, FeedbackOwners],
  exports: [FeedbackSettingsService, FeedbackOwners],
})
export class FeedbackModule {}
