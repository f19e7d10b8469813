import { Module } from '@nestjs/common';
import { MailModule } from '../mail/mail.module';
import { ReportsModule } from '../reports/reports.module';
import { DigestService } from './digest.service';

@Module({
  imports: [MailModule, ReportsModule],
  providers: [DigestService],
  exports: [DigestService],
})
export class DigestModule {}
