import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthCleanupJob } from './auth-cleanup.job.js';
import { AuthController } from './auth.controller.js';
import { AuthGuard } from './auth.guard.js';
import { AuthService } from './auth.service.js';
import { LoginLimiterService } from './login-limiter.service.js';
import { ProfileController } from './profile.controller.js';
import { ProfileService } from './profile.service.js';
import { SubscriptionsModule } from '../subscriptions/subscriptions.module.js';
import { AccountsService } from './accounts.service.js';
import { AccountWrites } from '../../platform/auth/account-writes.js';
import { UserAccountWrites } from './user-account-writes.js';
import { TokenService } from './token.service.js';

/** Accounts and the one authentication every module uses (@Auth() on routes). */
@Global()
@Module({
  imports: [SubscriptionsModule],
  controllers: [AuthController, ProfileController],
  providers: [
    TokenService,
    LoginLimiterService,
    AuthService,
    AccountsService,
    { provide: AccountWrites, useClass: UserAccountWrites },
    ProfileService,
    AuthCleanupJob,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [TokenService, AuthService, AccountsService, AccountWrites],
})
export class AuthModule {}
