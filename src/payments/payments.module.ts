import { Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { ManualPaymentProvider } from './manual-payment.provider.js';
import { PaymentProvider } from './payment-provider.js';
import { PaymentsController } from './payments.controller.js';
import { createStripeClient, StripePaymentProvider, stripePrices } from './stripe-payment.provider.js';
import { StripeWebhookService } from './stripe-webhook.service.js';

/** The payment provider paid plans go through (Stripe when STRIPE_SECRET_KEY is set) and Stripe's webhook. */
@Module({
  controllers: [PaymentsController],
  providers: [
    {
      provide: PaymentProvider,
      inject: [AppConfig],
      useFactory: (config: AppConfig): PaymentProvider =>
        config.STRIPE_SECRET_KEY
          ? new StripePaymentProvider(createStripeClient(config.STRIPE_SECRET_KEY, config.STRIPE_API_BASE), stripePrices(config))
          : new ManualPaymentProvider(config.NODE_ENV !== 'production'),
    },
    StripeWebhookService,
  ],
  exports: [PaymentProvider],
})
export class PaymentsModule {}
