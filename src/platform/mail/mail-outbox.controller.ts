import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { Auth, CurrentUser } from '../auth/auth.decorators.js';
import { uuidParam } from '../common/http/query.js';
import { MailOutboxService } from './mail-outbox.service.js';
import { EmailMessageDto, EmailPageDto, OutboxQueryDto } from './mail.dto.js';
import { Listing } from '../common/http/page-links.js';

@ApiTags('mail')
@Auth()
@Controller('mail/outbox')
export class MailOutboxController {
  constructor(private readonly outbox: MailOutboxService) {}

  @Get()
  @ApiOperation({
    summary: 'Mail Encore sent or kept',
    description: 'Newest first. Admins see every message (`to` filters by recipient); other accounts the messages addressed to their own email.',
  })
  @Listing({ type: EmailPageDto })
  @ApiBadRequestResponse({ description: 'A bad page, page_size or to' })
  list(@CurrentUser() user: AuthUser, @Query() query: OutboxQueryDto): Promise<EmailPageDto> {
    return this.outbox.list(user, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One message with its text and HTML' })
  @ApiOkResponse({ type: EmailMessageDto })
  @ApiNotFoundResponse({ description: 'No message with this id that the caller may read' })
  get(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string): Promise<EmailMessageDto> {
    return this.outbox.get(user, id);
  }
}
