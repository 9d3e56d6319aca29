import { Injectable, NotFoundException } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user.js';
import { PrismaService } from '../database/prisma.service.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { toEmailMessageDto, toEmailSummaryDto, type EmailMessageDto, type EmailPageDto, type OutboxQueryDto } from './mail.dto.js';

/** Reading email_outbox: admins every message; anyone else the messages addressed to their own email. */
@Injectable()
export class MailOutboxService {
  constructor(private readonly prisma: PrismaService) {}

  async list(user: AuthUser, query: OutboxQueryDto): Promise<EmailPageDto> {
    const where: Prisma.EmailMessageWhereInput = {
      AND: [await this.visibleTo(user), ...(query.to ? [{ to: { equals: query.to, mode: 'insensitive' as const } }] : [])],
    };
    const [count, messages] = await this.prisma.$transaction([
      this.prisma.emailMessage.count({ where }),
      this.prisma.emailMessage.findMany({
        where,
        omit: { text: true, html: true },
        orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
        skip: (query.page - 1) * query.page_size,
        take: query.page_size,
      }),
    ]);
    return { count, page: query.page, page_size: query.page_size, results: messages.map(toEmailSummaryDto) };
  }

  /** 404 also for a message the caller may not read: whether it exists is not theirs to know. */
  async get(user: AuthUser, id: string): Promise<EmailMessageDto> {
    const message = await this.prisma.emailMessage.findFirst({ where: { AND: [{ id }, await this.visibleTo(user)] } });
    if (!message) throw new NotFoundException(`Message ${id} not found`);
    return toEmailMessageDto(message);
  }

  private async visibleTo(user: AuthUser): Promise<Prisma.EmailMessageWhereInput> {
    if (user.role === 'admin') return {};
    const account = await this.prisma.user.findUnique({ where: { id: user.id }, select: { email: true } });
    // An account deleted while its token lives sees nothing.
    if (!account) return { id: { in: [] } };
    return { to: { equals: account.email, mode: 'insensitive' } };
  }
}
