import { Module } from '@nestjs/common';
import { LegalHoldService } from './legal-hold.service';
import { RetentionService } from './retention.service';

@Module({
  providers: [LegalHoldService, RetentionService],
  exports: [LegalHoldService, RetentionService],
})
export class RetentionModule {}
