import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsNotEmpty, IsString, MaxLength, ValidateIf } from 'class-validator';
import { Omittable } from '../../../platform/common/http/validation.js';

/**
 * Who signs in: `login` (email or username), or the original systems' `username` or `email`.
 * `login` is required only while neither of the others is sent.
 */
const identifier = (name: 'login' | 'username' | 'email', description: string) =>
  applyDecorators(
    ApiPropertyOptional({ description }),
    ValidateIf((body: LoginDto) => body[name] !== undefined || (name === 'login' && body.username === undefined && body.email === undefined)),
    IsDefined({ message: 'login is required (an email or username), or send username or email' }),
    IsString({ message: `${name} must be a string` }),
    IsNotEmpty({ message: `${name} must not be empty` }),
    MaxLength(254),
  );

export class LoginDto {
  @identifier('login', 'Email or username')
  login?: string;

  @identifier('username', 'The username (as the streaming original and FanPulse’s form login send it); an email works too')
  username?: string;

  @identifier('email', 'The email (as FanPulse’s clients send it)')
  email?: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(1024)
  password!: string;
}

export class RefreshDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(256)
  refresh_token!: string;
}

export class LogoutDto {
  @ApiProperty({ required: false, description: 'Sign out this login only; without it, every login of the account' })
  @Omittable()
  @IsString()
  @MaxLength(256)
  refresh_token?: string;
}
