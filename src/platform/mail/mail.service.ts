import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { Transporter } from 'nodemailer';
import { AppConfig } from '../config/app-config.js';
import { PrismaService } from '../database/prisma.service.js';
import type { Prisma } from '../../generated/prisma/client.js';
import type { MailTransport } from './mail.dto.js';

export interface MailMessage {
  /** One address. */
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Makes the message go out once: a second send with the same key after a delivery does nothing. */
  dedupeKey?: string;
}

export interface SentMail {
  /** The message's row in email_outbox. */
  id: string;
  transport: MailTransport;
  sentAt: Date | null;
}

/** An SMTP delivery that failed; the message is recorded with the error. */
export class MailDeliveryError extends Error {
  constructor(
    readonly to: string,
    readonly reason: string,
  ) {
    super(`Mail to ${to} failed: ${reason}`);
    this.name = 'MailDeliveryError';
  }
}

/** How long the SMTP server may take to accept a connection, greet, and answer a command. */
const SMTP_CONNECTION_TIMEOUT_MS = 10_000;
const SMTP_SOCKET_TIMEOUT_MS = 30_000;

/**
 * Sends mail. With SMTP_URL, through that server (from MAIL_FROM); every message is recorded in
 * email_outbox with transport "smtp" and when it was sent, or the error when delivery failed (and
 * send throws, so a job retries). Without SMTP_URL, the message is only written to email_outbox,
 * transport "outbox", where GET /api/mail/outbox shows it.
 */
@Injectable()
export class MailService implements OnModuleDestroy {
  private readonly logger = new Logger('Mail');
  private transporter?: Transporter;

  constructor(
    private readonly prisma: PrismaService,
    private readonly config: AppConfig,
  ) {}

  get transport(): MailTransport {
    return this.config.SMTP_URL ? 'smtp' : 'outbox';
  }

  async send(message: MailMessage): Promise<SentMail> {
    if (message.dedupeKey) {
      const done = await this.prisma.emailMessage.findFirst({ where: { dedupeKey: message.dedupeKey, error: null } });
      if (done) return { id: done.id, transport: done.transport as MailTransport, sentAt: done.sentAt };
    }
    const record = { to: message.to, subject: message.subject, text: message.text, html: message.html ?? null, dedupeKey: message.dedupeKey ?? null };
    if (!this.config.SMTP_URL) {
      const row = await this.record({ ...record, transport: 'outbox', error: null });
      this.logger.log(`Mail to ${message.to} kept in the outbox (no SMTP_URL): ${message.subject}`);
      return { id: row.id, transport: 'outbox', sentAt: null };
    }
    try {
      await (
        await this.smtp()
      ).sendMail({
        from: this.config.MAIL_FROM,
        to: message.to,
        subject: message.subject,
        text: message.text,
        ...(message.html !== undefined && { html: message.html }),
      });
    } catch (error) {
      const reason = (error as Error).message;
      await this.record({ ...record, transport: 'smtp', error: reason });
      this.logger.warn(`Mail to ${message.to} failed: ${reason}`);
      throw new MailDeliveryError(message.to, reason);
    }
    const sentAt = new Date();
    const row = await this.record({ ...record, transport: 'smtp', sentAt, error: null });
    this.logger.log(`Mail to ${message.to} sent: ${message.subject}`);
    return { id: row.id, transport: 'smtp', sentAt };
  }

  /** Whether a message with this key has gone out (kept in the outbox or delivered). */
  async sent(dedupeKey: string): Promise<boolean> {
    return (await this.prisma.emailMessage.count({ where: { dedupeKey, error: null } })) > 0;
  }

  /** A keyed message's row is rewritten by each attempt, so a retry after a failure replaces the error. */
  private record(data: Prisma.EmailMessageCreateInput & { dedupeKey: string | null }) {
    if (!data.dedupeKey) return this.prisma.emailMessage.create({ data });
    return this.prisma.emailMessage.upsert({ where: { dedupeKey: data.dedupeKey }, create: data, update: { ...data, createdAt: new Date() } });
  }

  /** nodemailer is imported on the first SMTP delivery: a server without SMTP_URL never loads it. */
  private async smtp(): Promise<Transporter> {
    const { default: nodemailer } = await import('nodemailer');
    this.transporter ??= nodemailer.createTransport({
      url: this.config.SMTP_URL,
      connectionTimeout: SMTP_CONNECTION_TIMEOUT_MS,
      greetingTimeout: SMTP_CONNECTION_TIMEOUT_MS,
      socketTimeout: SMTP_SOCKET_TIMEOUT_MS,
    });
    return this.transporter;
  }

  onModuleDestroy(): void {
    this.transporter?.close();
  }
}
