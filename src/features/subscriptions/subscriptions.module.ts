import { Module } from '@nestjs/common';
import { PaymentsModule } from '../payments/payments.module.js';
import { CheckoutService } from './checkout.service.js';
import { InvitationsController } from './invitations.controller.js';
import { InvitationsService } from './invitations.service.js';
import { ListenerPlanService } from './listener-plan.service.js';
import { PlayerController } from './player.controller.js';
import { PlayerSkipsService } from './player-skips.service.js';
import { SubscriptionsController } from './subscriptions.controller.js';
import { SubscriptionsService } from './subscriptions.service.js';

@Module({
  imports: [PaymentsModule],
  controllers: [SubscriptionsController, InvitationsController, PlayerController],
  providers: [ListenerPlanService, PlayerSkipsService, SubscriptionsService, InvitationsService, CheckoutService],
  exports: [ListenerPlanService],
})
export class SubscriptionsModule {}
