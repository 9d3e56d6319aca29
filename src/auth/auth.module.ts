import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthController } from './auth.controller.js';
import { AuthGuard } from './auth.guard.js';
import { AuthService } from './auth.service.js';
import { LoginLimiterService } from './login-limiter.service.js';
import { TokenService } from './token.service.js';

/** Accounts and the one authentication every module uses (@Auth() on routes). */
@Global()
@Module({
  controllers: [AuthController],
  providers: [TokenService, LoginLimiterService, AuthService, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [TokenService, AuthService],
})
export class AuthModule {}
