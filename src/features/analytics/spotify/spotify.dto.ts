import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, IsUUID, MaxLength, ValidateBy } from 'class-validator';
import { booleanFromQuery } from '../../../platform/common/http/query.js';
import { parseSpotifyArtistReference } from './spotify-artist-reference.js';

const SPOTIFY_REFERENCE_MESSAGE = 'spotify must be a Spotify artist id, link or URI';

export class ImportSpotifyDto {
  @ApiProperty({
    description: 'The artist on Spotify: its 22-character id, an open.spotify.com/artist/<id> link (?si=... is fine) or a spotify:artist:<id> URI',
    example: 'https://open.spotify.com/artist/0OdUWJ0sBjDrqHygGUXeCF?si=abc',
  })
  @IsString({ message: SPOTIFY_REFERENCE_MESSAGE })
  @MaxLength(500, { message: SPOTIFY_REFERENCE_MESSAGE })
  @ValidateBy({
    name: 'isSpotifyArtistReference',
    validator: {
      validate: (value) => typeof value === 'string' && parseSpotifyArtistReference(value) !== null,
      defaultMessage: () => SPOTIFY_REFERENCE_MESSAGE,
    },
  })
  spotify!: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      "The Encore artist to link (you must be on its team). Default: an artist account's own artist; for an admin, a new artist named as on Spotify.",
  })
  @IsOptional()
  @IsUUID('all', { message: 'artist_id must be a UUID' })
  artist_id?: string;
}

export class ImportedArtistDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class ImportedSpotifyArtistDto {
  @ApiProperty({ example: '0OdUWJ0sBjDrqHygGUXeCF' }) id!: string;
  @ApiProperty({ description: 'The name on Spotify' }) name!: string;
  @ApiProperty() url!: string;
  @ApiProperty({ type: Number, nullable: true, description: 'null when Spotify withholds it (apps in Development Mode)' }) followers!: number | null;
  @ApiProperty({ type: Number, nullable: true, minimum: 0, maximum: 100 }) popularity!: number | null;
  @ApiProperty({ type: [String] }) genres!: string[];
  @ApiProperty({ type: String, nullable: true }) image!: string | null;
}

export class ImportSpotifyResultDto {
  @ApiProperty({ type: ImportedArtistDto }) artist!: ImportedArtistDto;
  @ApiProperty({ type: ImportedSpotifyArtistDto }) spotify!: ImportedSpotifyArtistDto;
}

export class ArtistIdQueryDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'artist_id must be a UUID' })
  artist_id!: string;
}

export class AuthorizeQueryDto extends ArtistIdQueryDto {
  @ApiPropertyOptional({ description: 'false: answer {authorize_url} as JSON instead of a 302 (for an app that sends its token in a header)' })
  @IsOptional()
  @Transform(booleanFromQuery)
  @IsBoolean({ message: 'redirect must be true or false' })
  redirect?: boolean;
}

export class AuthorizeUrlDto {
  @ApiProperty({ description: "Spotify's authorize page; open it in the browser (the state in it is good for 10 minutes)" }) authorize_url!: string;
}

export class CallbackQueryDto {
  @ApiPropertyOptional({ description: 'The authorization code Spotify adds on approval' })
  @IsOptional()
  @IsString()
  code?: string;

  @ApiPropertyOptional({ description: 'The state /authorize put in the authorize URL' })
  @IsOptional()
  @IsString()
  state?: string;

  @ApiPropertyOptional({ description: 'Spotify adds error=access_denied when the user declines' })
  @IsOptional()
  @IsString()
  error?: string;
}

export class ConnectedDto {
  @ApiProperty() connected!: true;
  @ApiProperty({ format: 'uuid' }) artist_id!: string;
  @ApiProperty() spotify_user_id!: string;
  @ApiProperty({ type: String, nullable: true }) display_name!: string | null;
  @ApiProperty() scope!: string;
  @ApiProperty() expires_at!: Date;
  @ApiProperty({ description: 'The web app page the browser is sent to' }) redirect_to!: string;
}

export class DisconnectDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'artist_id must be a UUID' })
  artist_id!: string;
}

export class DisconnectedDto {
  @ApiProperty({ format: 'uuid' }) artist_id!: string;
  @ApiProperty({ description: 'false when no Spotify account was connected' }) disconnected!: boolean;
  @ApiProperty() notice!: string;
}

export class StatusQueryDto extends ArtistIdQueryDto {
  @ApiPropertyOptional({ description: 'true: also check the connection with Spotify (GET /v1/me, refreshing the token first when it is near expiry)' })
  @IsOptional()
  @Transform(booleanFromQuery)
  @IsBoolean({ message: 'verify must be true or false' })
  verify?: boolean;
}

export class SpotifyProfileLinkDto {
  @ApiProperty() id!: string;
  @ApiProperty({ type: String, nullable: true }) url!: string | null;
  @ApiProperty({ type: Date, nullable: true }) last_sync_at!: Date | null;
}

export class SpotifyStatusDto {
  @ApiProperty({ format: 'uuid' }) artist_id!: string;
  @ApiProperty({ description: 'Spotify app credentials are set, so accounts can be connected' }) configured!: boolean;
  @ApiProperty() connected!: boolean;
  @ApiProperty({ type: String, nullable: true }) spotify_user_id!: string | null;
  @ApiProperty({ type: String, nullable: true }) display_name!: string | null;
  @ApiProperty({ type: String, nullable: true }) scope!: string | null;
  @ApiProperty({ type: Date, nullable: true, description: 'When the current access token expires (refreshed automatically 30+ minutes before)' })
  expires_at!: Date | null;
  @ApiProperty({ type: Date, nullable: true }) refreshed_at!: Date | null;
  @ApiProperty({ type: Date, nullable: true }) connected_at!: Date | null;
  @ApiProperty({ type: String, nullable: true, description: 'The last refresh or use error, cleared on success' }) last_error!: string | null;
  @ApiProperty({ description: 'Spotify no longer accepts the grant (invalid_grant, or tokens that no longer open): connect again' }) needs_reconnect!: boolean;
  @ApiPropertyOptional({ description: 'With verify=true: whether Spotify accepted the connection just now' }) verified?: boolean;
  @ApiProperty({ type: SpotifyProfileLinkDto, nullable: true, description: 'The Spotify artist profile linked by import-spotify (synced every 6 hours)' })
  artist_profile!: SpotifyProfileLinkDto | null;
}
