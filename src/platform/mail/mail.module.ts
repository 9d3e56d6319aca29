import { Global, Module } from '@nestjs/common';
import { MailOutboxController } from './mail-outbox.controller.js';
import { MailOutboxService } from './mail-outbox.service.js';
import { MailService } from './mail.service.js';

/** Outgoing mail (SMTP_URL, else the email_outbox table) and the outbox API: global, so any module can send. */
@Global()
@Module({ controllers: [MailOutboxController], providers: [MailService, MailOutboxService], exports: [MailService] })
export class MailModule {}
