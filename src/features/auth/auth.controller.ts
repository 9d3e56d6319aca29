import { Body, Controller, Get, HttpCode, Ip, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { AuthUser } from '../../platform/auth/auth-user.js';
import { Auth, CurrentUser } from '../../platform/auth/auth.decorators.js';
import { AuthService } from './auth.service.js';
import { LoginDto, LogoutDto, RefreshDto } from './dto/login.dto.js';
import { EmailRegisterDto, RegisterDto } from './dto/register.dto.js';
import { SessionDto, UserDto } from './dto/user.dto.js';
import { ExpensiveRequest } from '../../platform/request-limits/request-weight.decorators.js';

@ApiTags('accounts')
@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('users')
  @ExpensiveRequest()
  @ApiOperation({ summary: 'Register an account and sign in' })
  @ApiCreatedResponse({ type: SessionDto, description: 'The new account, signed in' })
  @ApiConflictResponse({ description: 'email or username already taken' })
  register(@Body() body: RegisterDto): Promise<SessionDto> {
    return this.auth.register(body);
  }

  @Post('auth/register')
  @ExpensiveRequest()
  @ApiOperation({ summary: 'Register with email and password (FanPulse), and sign in' })
  @ApiCreatedResponse({ type: SessionDto, description: 'The new account, signed in; its username is the email’s name unless one is sent' })
  @ApiConflictResponse({ description: 'email or username already taken' })
  registerWithEmail(@Body() body: EmailRegisterDto): Promise<SessionDto> {
    return this.auth.register(body);
  }

  @Post(['login', 'auth/login'])
  @ApiOperation({ summary: 'Sign in with email or username and password' })
  @HttpCode(200)
  @ApiOkResponse({ type: SessionDto })
  @ApiTooManyRequestsResponse({ description: 'Too many failed logins from this IP or for this account' })
  login(@Body() body: LoginDto, @Ip() ip: string): Promise<SessionDto> {
    return this.auth.login((body.login ?? body.username ?? body.email)!, body.password, ip);
  }

  @Post('auth/refresh')
  @ApiOperation({ summary: 'Exchange a refresh token for new tokens' })
  @HttpCode(200)
  @ApiOkResponse({ type: SessionDto, description: 'New tokens; the refresh token sent is spent' })
  refresh(@Body() body: RefreshDto): Promise<SessionDto> {
    return this.auth.refresh(body.refresh_token);
  }

  @Post('logout')
  @ApiOperation({ summary: "Sign out: revoke the refresh token given, or all of the account's" })
  @HttpCode(204)
  @Auth()
  @ApiNoContentResponse({ description: 'The login (or every login) ended: its refresh and access tokens are refused from now on' })
  logout(@CurrentUser() user: AuthUser, @Body() body: LogoutDto): Promise<void> {
    return this.auth.logout(user, body.refresh_token);
  }

  @Get('auth/me')
  @ApiOperation({ summary: 'The signed-in account' })
  @Auth()
  @ApiOkResponse({ type: UserDto })
  me(@CurrentUser() user: AuthUser): Promise<UserDto> {
    return this.auth.me(user.id);
  }
}
