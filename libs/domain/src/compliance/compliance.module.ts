import { Module } from '@nestjs/common';
import { MediaModule } from '../media/media.module';
import { ComplianceService } from './compliance.service';

@Module({
  imports: [MediaModule],
  providers: [ComplianceService],
  exports: [ComplianceService],
})
export class ComplianceModule {}
