import { ApiProperty, ApiPropertyOptional, IntersectionType, OmitType, PartialType, PickType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { IsAccountEmail } from '../../../platform/auth/account-email.js';
import { PASSWORD_MAX_LENGTH } from '../password-rules.js';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class RegisterDto {
  @ApiProperty({ example: 'ana@example.com' })
  @Transform(trimmed)
  @IsAccountEmail()
  email!: string;

  @ApiProperty({ example: 'ana.music', description: '3–30 letters, digits, "_", "." or "-"; case does not matter' })
  @Transform(trimmed)
  @IsString()
  @Matches(/^[A-Za-z0-9_.-]{3,30}$/, { message: 'username must be 3–30 letters, digits, "_", "." or "-"' })
  username!: string;

  @ApiProperty({ description: '8–128 characters with a letter and a digit; not common, not the username or email' })
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;

  @ApiPropertyOptional({ enum: ['user', 'artist'], default: 'user', description: 'artist accounts publish music' })
  @IsOptional()
  @IsIn(['user', 'artist'], { message: 'role must be user or artist' })
  role: 'user' | 'artist' = 'user';

  @ApiPropertyOptional({ description: 'Shown to others (and the artist name of artist accounts); defaults to the username' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  display_name?: string;
}

/** POST /api/auth/register, as FanPulse's clients send it: email and password; the username is optional. */
export class EmailRegisterDto extends IntersectionType(
  OmitType(RegisterDto, ['username'] as const),
  PartialType(PickType(RegisterDto, ['username'] as const)),
) {}
