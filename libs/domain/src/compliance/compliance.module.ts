import { Module } from '@nestjs/common';
import { MediaModule } from '../media/media.module';
import { ComplianceService } from './compliance.service';
import { RestrictedTermsService } from './restricted-terms.service';

@Module({
  imports: [MediaModule],
  providers: [ComplianceService, RestrictedTermsService],
  exports: [ComplianceService, RestrictedTermsService],
})
export class ComplianceModule {}
