import { Controller, Headers, HttpCode, Post, Req, type RawBodyRequest } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { StripeWebhookService, type WebhookAnswer } from './stripe-webhook.service.js';

@ApiTags('payments')
@Controller('payments')
export class PaymentsController {
  constructor(private readonly webhooks: StripeWebhookService) {}

  /** Stripe's events (signed with STRIPE_WEBHOOK_SECRET); redeliveries answer `duplicate: true`. */
  @Post('webhook')
  @ApiOperation({ summary: "Receive Stripe's signed events" })
  @HttpCode(200)
  @ApiOkResponse({ description: 'For Stripe only: {received: true}, plus duplicate: true when the event was applied before' })
  @ApiBadRequestResponse({
    description: 'Missing or wrong Stripe-Signature, signed over 5 minutes from now either way, or a malformed event (each bad field named)',
  })
  @ApiServiceUnavailableResponse({ description: 'STRIPE_WEBHOOK_SECRET is not set' })
  webhook(@Req() request: RawBodyRequest<Request>, @Headers('stripe-signature') signature?: string): Promise<WebhookAnswer> {
    return this.webhooks.receive(request.rawBody, signature);
  }
}
