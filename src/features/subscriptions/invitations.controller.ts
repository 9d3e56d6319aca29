import { Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiForbiddenResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../platform/auth/auth-user.js';
import { Auth, CurrentUser } from '../../platform/auth/auth.decorators.js';
import { uuidParam } from '../../platform/common/http/query.js';
import { InvitationListDto, MySubscriptionDto } from './dto/subscription.dto.js';
import { InvitationsService } from './invitations.service.js';

/** The invited listener's side of plan invitations, and the owner's cancel (owners send them with POST /api/subscriptions/members). */
@ApiTags('subscriptions')
@Auth()
@Controller('subscriptions/invitations')
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Get()
  @ApiOperation({
    summary: 'Invitations to plans the caller can accept',
    description:
      'Pending and not expired, addressed to the email or username of the caller. The owner sees what they sent in GET /api/subscriptions/me (`invitations`).',
  })
  @ApiOkResponse({ type: InvitationListDto })
  received(@CurrentUser() user: AuthUser): Promise<InvitationListDto> {
    return this.invitations.received(user);
  }

  @Post(':id/accept')
  @ApiOperation({ summary: 'Accept an invitation and join the plan' })
  @HttpCode(200)
  @ApiOkResponse({ type: MySubscriptionDto, description: 'The caller, now a member of the plan' })
  @ApiForbiddenResponse({ description: 'The owner tried: only the invited listener accepts' })
  @ApiNotFoundResponse({ description: 'No such invitation addressed to the caller' })
  @ApiConflictResponse({
    description:
      'Not pending (accepted, declined, canceled, expired), the plan ended or is full, or the caller is on another plan or pays for their own (the message says which)',
  })
  accept(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string): Promise<MySubscriptionDto> {
    return this.invitations.accept(user, id);
  }

  @Post(':id/decline')
  @ApiOperation({ summary: 'Decline an invitation' })
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Declined: its seat is free again' })
  @ApiForbiddenResponse({ description: 'The owner tried: cancel it instead' })
  @ApiNotFoundResponse({ description: 'No such invitation addressed to the caller' })
  @ApiConflictResponse({ description: 'Not pending any more' })
  decline(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string): Promise<void> {
    return this.invitations.decline(user, id);
  }

  @Delete(':id')
  @ApiOperation({ summary: "Cancel a pending invitation to the caller's plan" })
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Canceled: its seat is free again' })
  @ApiForbiddenResponse({ description: 'The invited listener tried: decline it instead' })
  @ApiNotFoundResponse({ description: "No such invitation to the caller's plan" })
  @ApiConflictResponse({ description: 'Not pending any more' })
  cancel(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string): Promise<void> {
    return this.invitations.cancel(user, id);
  }
}
