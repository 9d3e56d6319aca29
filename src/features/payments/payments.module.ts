import { Module } from '@nestjs/common';
import { SubscriptionsModule } from '../subscriptions/subscriptions.module.js';
import { PaymentsController } from './payments.controller.js';
import { StripeWebhookService } from './stripe-webhook.service.js';

/** Stripe's webhook: records each event once and has subscriptions apply it. */
@Module({
  imports: [SubscriptionsModule],
  controllers: [PaymentsController],
  providers: [StripeWebhookService],
})
export class PaymentsModule {}
