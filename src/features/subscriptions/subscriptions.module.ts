import { Module } from '@nestjs/common';
import { PaymentProviderModule } from './provider/payment-provider.module.js';
import { CheckoutService } from './checkout.service.js';
import { InvitationsController } from './invitations.controller.js';
import { InvitationsService } from './invitations.service.js';
import { ListenerPlanService } from './listener-plan.service.js';
import { PlayerController } from './player.controller.js';
import { PlayerSkipsService } from './player-skips.service.js';
import { ProviderBillingService } from './provider-billing.service.js';
import { SubscriptionsController } from './subscriptions.controller.js';
import { SubscriptionsService } from './subscriptions.service.js';

@Module({
  imports: [PaymentProviderModule],
  controllers: [SubscriptionsController, InvitationsController, PlayerController],
  providers: [ListenerPlanService, PlayerSkipsService, SubscriptionsService, InvitationsService, CheckoutService, ProviderBillingService],
  exports: [ListenerPlanService, ProviderBillingService, PaymentProviderModule],
})
export class SubscriptionsModule {}
