import { BadRequestException, Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import {
  ApiBadGatewayResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Request } from 'express';
import type { AuthUser } from '../../platform/auth/auth-user.js';
import { Auth, CurrentUser } from '../../platform/auth/auth.decorators.js';
import { AppConfig } from '../../platform/config/app-config.js';
import { CheckoutService } from './checkout.service.js';
import { AddMemberDto, MySubscriptionDto, PlansDto, RedirectDto, SubscribeDto } from './dto/subscription.dto.js';
import { InvitationsService } from './invitations.service.js';
import { SubscriptionsService } from './subscriptions.service.js';

@ApiTags('subscriptions')
@Controller('subscriptions')
export class SubscriptionsController {
  constructor(
    private readonly subscriptions: SubscriptionsService,
    private readonly invitations: InvitationsService,
    private readonly checkouts: CheckoutService,
    private readonly config: AppConfig,
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

  @Post('checkout')
  @ApiOperation({
    summary: 'Buy a paid plan on Stripe Checkout',
    description:
      "Answers the address of a Stripe Checkout page (subscription mode) that collects the payment method; the plan starts when Stripe's signed checkout.session.completed reaches POST /api/payments/webhook. " +
      'The first paid subscription of an account starts with a 30-day trial. Stripe sends the listener back to /catalog/plan?checkout=success, or ?checkout=canceled.',
  })
  @HttpCode(200)
  @Auth()
  @ApiOkResponse({ type: RedirectDto })
  @ApiBadRequestResponse({ description: 'Unknown plan, or free (cancel instead)' })
  @ApiConflictResponse({
    description: 'Already on a plan billed through Stripe (change it with subscribe or the portal), a member of another plan, or too many members for the plan',
  })
  @ApiBadGatewayResponse({ description: 'Stripe refused' })
  @ApiServiceUnavailableResponse({ description: 'Stripe is not configured (STRIPE_SECRET_KEY), the plan has no Stripe price, or Stripe is unreachable' })
  checkout(@CurrentUser() user: AuthUser, @Body() body: SubscribeDto, @Req() request: Request): Promise<RedirectDto> {
    return this.checkouts.checkout(user, body.plan, this.appUrl(request));
  }

  @Post('portal')
  @ApiOperation({
    summary: "Stripe's billing portal, to change the payment method or plan, or cancel",
    description: 'Stripe sends the listener back to /catalog/plan.',
  })
  @HttpCode(200)
  @Auth()
  @ApiOkResponse({ type: RedirectDto })
  @ApiNotFoundResponse({ description: 'No plan billed through Stripe' })
  @ApiConflictResponse({ description: "A member of another owner's plan: its owner manages billing" })
  @ApiServiceUnavailableResponse({ description: 'Stripe is not configured (STRIPE_SECRET_KEY), or unreachable' })
  portal(@CurrentUser() user: AuthUser, @Req() request: Request): Promise<RedirectDto> {
    return this.checkouts.portal(user, this.appUrl(request));
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
  @ApiNoContentResponse({ description: "Removed by the plan's owner, or left by the member" })
  @ApiNotFoundResponse({ description: "Not a member of the caller's plan" })
  removeMember(
    @CurrentUser() user: AuthUser,
    @Param('userId', new ParseUUIDPipe({ exceptionFactory: () => new BadRequestException('userId must be a UUID') })) userId: string,
  ): Promise<void> {
    return this.subscriptions.removeMember(user, userId);
  }

  /** The web app's origin: APP_PUBLIC_URL, else the one the request came to (behind a proxy, as TRUST_PROXY lets Express read it). */
  private appUrl(request: Request): string {
    return (this.config.APP_PUBLIC_URL ?? `${request.protocol}://${request.get('host')}`).replace(/\/$/, '');
  }
}
