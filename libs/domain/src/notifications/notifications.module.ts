import { Module } from '@nestjs/common';
import { MailModule } from '../mail/mail.module';
import { PUSH_AGENT, PushService } from '../push/push.service';
import { AfterCommit } from './after-commit';
import { NotificationsService } from './notifications.service';

@Module({
  imports: [MailModule],
  providers: [
    NotificationsService,
    AfterCommit,
    PushService,
    { provide: PUSH_AGENT, useValue: null },
  ],
  exports: [NotificationsService, PushService],
})
export class NotificationsModule {}
