import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PageDto, PageQueryDto } from '../common/http/query.js';
import type { EmailMessage } from '../../generated/prisma/client.js';

export const MAIL_TRANSPORTS = ['smtp', 'outbox'] as const;
export type MailTransport = (typeof MAIL_TRANSPORTS)[number];

/** GET /api/mail/outbox */
export class OutboxQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only messages to this address (case ignored)', example: 'someone@example.com' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString({ message: 'to must be an email address' })
  @MaxLength(320, { message: 'to must be at most 320 characters' })
  to?: string;
}

/** A message as listings show it (without its body). */
export class EmailSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() to!: string;
  @ApiProperty() subject!: string;
  @ApiProperty({ enum: MAIL_TRANSPORTS, description: 'smtp: sent (or tried) through SMTP_URL; outbox: no SMTP server configured, kept here' })
  transport!: string;
  @ApiProperty({ type: Date, nullable: true, description: 'When the SMTP server accepted it; null in the outbox or after a failure' }) sent_at!: Date | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why delivery failed' }) error!: string | null;
  @ApiProperty() created_at!: Date;
}

/** A message with its body. */
export class EmailMessageDto extends EmailSummaryDto {
  @ApiProperty() text!: string;
  @ApiProperty({ type: String, nullable: true }) html!: string | null;
}

export class EmailPageDto extends PageDto {
  @ApiProperty({ type: [EmailSummaryDto] }) results!: EmailSummaryDto[];
}

export const toEmailSummaryDto = (message: Omit<EmailMessage, 'text' | 'html'>): EmailSummaryDto => ({
  id: message.id,
  to: message.to,
  subject: message.subject,
  transport: message.transport,
  sent_at: message.sentAt,
  error: message.error,
  created_at: message.createdAt,
});

export const toEmailMessageDto = (message: EmailMessage): EmailMessageDto => ({ ...toEmailSummaryDto(message), text: message.text, html: message.html });
