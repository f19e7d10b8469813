import { Module } from '@nestjs/common';
import { MailModule } from '../mail/mail.module';
import { AfterCommit } from './after-commit';
import { NotificationsService } from './notifications.service';

@Module({
  imports: [MailModule],
  providers: [NotificationsService, AfterCommit],
  exports: [NotificationsService],
})
export class NotificationsModule {}
