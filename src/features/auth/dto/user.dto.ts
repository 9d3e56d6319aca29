import { ApiProperty } from '@nestjs/swagger';
import type { Artist, User } from '../../../generated/prisma/client.js';

/** An account as its owner and admins see it; never the password hash. */
export class UserDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() username!: string;
  @ApiProperty({ enum: ['user', 'artist', 'admin'] }) role!: string;
  @ApiProperty() display_name!: string;
  @ApiProperty({ type: String, nullable: true }) picture_url!: string | null;
  @ApiProperty({ enum: ['low', 'normal', 'high'], description: '96, 160 or 320 kbps' }) audio_quality!: string;
  @ApiProperty() offline_mode!: boolean;
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'The artist this account publishes as' }) artist_id!: string | null;
  @ApiProperty() created_at!: Date;
}

export class SessionDto {
  @ApiProperty({ description: 'Bearer access token (JWT)' }) token!: string;
  @ApiProperty({ description: 'Exchange at POST /api/auth/refresh; good once' }) refresh_token!: string;
  @ApiProperty({ description: 'Seconds until the access token expires' }) expires_in!: number;
  @ApiProperty({ type: UserDto }) user!: UserDto;
  @ApiProperty({ description: 'The access token again, under the OAuth name FanPulse’s clients read' }) access_token!: string;
  @ApiProperty({ enum: ['bearer'] }) token_type!: 'bearer';
}

/** The tokens and the account, with the OAuth names FanPulse's clients read beside Encore's. */
export const toSessionDto = (tokens: { token: string; refresh_token: string; expires_in: number }, user: UserDto): SessionDto => ({
  ...tokens,
  user,
  access_token: tokens.token,
  token_type: 'bearer',
});

export const toUserDto = (user: User & { artist?: Pick<Artist, 'id'> | null }): UserDto => ({
  id: user.id,
  email: user.email,
  username: user.username,
  role: user.role,
  display_name: user.displayName,
  picture_url: user.pictureKey ? `/api/users/${user.id}/picture` : null,
  audio_quality: user.audioQuality,
  offline_mode: user.offlineMode,
  artist_id: user.artist?.id ?? null,
  created_at: user.createdAt,
});
