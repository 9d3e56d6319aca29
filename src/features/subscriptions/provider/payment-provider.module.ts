import { Module } from '@nestjs/common';
import { AppConfig } from '../../../platform/config/app-config.js';
import { ManualPaymentProvider } from './manual-payment.provider.js';
import { PaymentProvider } from './payment-provider.js';
import { stripePrices } from './stripe-billing.js';

/** The payment provider paid plans go through: Stripe when STRIPE_SECRET_KEY is set (subscriptions use it to start, change and cancel plans). */
@Module({
  providers: [
    {
      provide: PaymentProvider,
      inject: [AppConfig],
      // The Stripe SDK (about 1 MB of source) is imported only when Stripe is configured.
      useFactory: async (config: AppConfig): Promise<PaymentProvider> => {
        if (!config.STRIPE_SECRET_KEY) return new ManualPaymentProvider(config.NODE_ENV !== 'production');
        const { createStripeClient, StripePaymentProvider } = await import('./stripe-payment.provider.js');
        return new StripePaymentProvider(createStripeClient(config.STRIPE_SECRET_KEY, config.STRIPE_API_BASE), stripePrices(config));
      },
    },
  ],
  exports: [PaymentProvider],
})
export class PaymentProviderModule {}
