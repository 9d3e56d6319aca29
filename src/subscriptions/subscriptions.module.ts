import { Module } from '@nestjs/common';
import { ListenerPlanService } from './listener-plan.service.js';

@Module({
  providers: [ListenerPlanService],
  exports: [ListenerPlanService],
})
export class SubscriptionsModule {}
