import { BadRequestException, Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { Auth, CurrentUser } from '../auth/auth.decorators.js';
import { AddMemberDto, MySubscriptionDto, PlansDto, SubscribeDto } from './dto/subscription.dto.js';
import { InvitationsService } from './invitations.service.js';
import { SubscriptionsService } from './subscriptions.service.js';

@ApiTags('subscriptions')
@Controller('subscriptions')
export class SubscriptionsController {
  constructor(
    private readonly subscriptions: SubscriptionsService,
    private readonly invitations: InvitationsService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The plans with their features and prices' })
  @ApiOkResponse({ type: PlansDto, description: 'The plans with their features and monthly prices' })
  plans(): PlansDto {
    return this.subscriptions.plans();
  }

  @Get('me')
  @ApiOperation({ summary: "The caller's plan and membership" })
  @Auth()
  @ApiOkResponse({ type: MySubscriptionDto })
  me(@CurrentUser() user: AuthUser): Promise<MySubscriptionDto> {
    return this.subscriptions.me(user.id);
  }

  @Post('subscribe')
  @ApiOperation({ summary: 'Subscribe to a paid plan or switch plans' })
  @HttpCode(200)
  @Auth()
  @ApiOkResponse({ type: MySubscriptionDto, description: 'The first paid subscription of an account starts with a 30-day trial' })
  @ApiBadRequestResponse({ description: 'Unknown plan, or free (cancel instead)' })
  @ApiConflictResponse({ description: 'Already on the plan, a member of another plan, or too many members for the new plan' })
  subscribe(@CurrentUser() user: AuthUser, @Body() body: SubscribeDto): Promise<MySubscriptionDto> {
    return this.subscriptions.subscribe(user, body.plan);
  }

  @Post('cancel')
  @ApiOperation({ summary: 'Cancel the paid plan at the end of its period' })
  @HttpCode(200)
  @Auth()
  @ApiOkResponse({ type: MySubscriptionDto, description: 'cancel_at_period_end is true: the plan stays until current_period_end' })
  @ApiNotFoundResponse({ description: 'No paid subscription' })
  cancel(@CurrentUser() user: AuthUser): Promise<MySubscriptionDto> {
    return this.subscriptions.cancel(user);
  }

  @Post('members')
  @ApiOperation({
    summary: "Invite a listener to the caller's shared plan",
    description:
      'Creates a pending invitation (it holds a seat until answered, canceled or 7 days pass); the listener joins only by accepting it (POST /api/subscriptions/invitations/{id}/accept). ' +
      'The answer is the same whether or not an account has the email or username.',
  })
  @Auth()
  @ApiCreatedResponse({ type: MySubscriptionDto, description: "The owner's subscription; `invitations` has the new one, `members` is unchanged" })
  @ApiBadRequestResponse({ description: 'Neither or both of email and username, a bad email, or the owner themselves' })
  @ApiNotFoundResponse({ description: 'No live plan of the caller' })
  @ApiConflictResponse({ description: 'Plan not shareable, every seat taken by members and pending invitations, or that address already invited' })
  addMember(@CurrentUser() user: AuthUser, @Body() body: AddMemberDto): Promise<MySubscriptionDto> {
    return this.invitations.invite(user, body);
  }

  @Delete('members/:userId')
  @ApiOperation({ summary: 'Remove a member from the plan, or leave it' })
  @HttpCode(204)
  @Auth()
  @ApiNoContentResponse({ description: 'Removed by the plan\'s owner, or left by the member' })
  @ApiNotFoundResponse({ description: 'Not a member of the caller\'s plan' })
  removeMember(
    @CurrentUser() user: AuthUser,
    @Param('userId', new ParseUUIDPipe({ exceptionFactory: () => new BadRequestException('userId must be a UUID') })) userId: string,
  ): Promise<void> {
    return this.subscriptions.removeMember(user, userId);
  }
}
