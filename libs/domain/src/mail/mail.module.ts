import { Global, Module } from '@nestjs/common';
import { MailerService } from './mailer.service';

/** Global: notifications and the weekly digest both send through the one transport. */
@Global()
@Module({ providers: [MailerService], exports: [MailerService] })
export class MailModule {}
