import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { Omittable } from '../../common/http/validation.js';

export class LoginDto {
  @ApiProperty({ description: 'Email or username' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(254)
  login!: string;

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
