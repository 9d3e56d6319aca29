import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDateString, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
/** Genres arrive as a JSON array, a repeated form field, or one comma-separated form field. */
export const genreList = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((name) => name.trim())
        .filter(Boolean)
    : value;
/** An empty form field means "none" (e.g. no album). */
export const emptyAsNull = ({ value }: { value: unknown }) => (value === '' ? null : value);

/** An optional release date (YYYY-MM-DD; empty clears it), shared by songs and albums. */
export const ReleaseDateField = () =>
  applyDecorators(
    ApiPropertyOptional({ example: '2024-05-17', nullable: true }),
    IsOptional(),
    Transform(emptyAsNull),
    IsDateString({ strict: true }, { message: 'release_date must be a date such as 2024-05-17' }),
  );

/** Admins publish on behalf of an artist; others publish as themselves. */
export const PublishingArtistField = () =>
  applyDecorators(
    ApiPropertyOptional({ format: 'uuid', description: 'Admins only: the artist to publish as' }),
    IsOptional(),
    IsUUID('all', { message: 'artist_id must be a UUID' }),
  );

/** A song's details, as JSON or as multipart form fields beside the `audio` file. */
export class SongDetailsDto {
  @ApiProperty({ maxLength: 200 })
  @Transform(trimmed)
  @IsString()
  @IsNotEmpty({ message: 'title must not be empty' })
  @MaxLength(200)
  title!: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'An album of the same artist' })
  @IsOptional()
  @Transform(emptyAsNull)
  @IsUUID('all', { message: 'album_id must be a UUID' })
  album_id?: string | null;

  @ApiPropertyOptional({ type: [String], description: 'Genre names (created when new); in a form, repeat the field or separate by commas' })
  @IsOptional()
  @Transform(genreList)
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(50, { each: true })
  genres?: string[];

  @ReleaseDateField()
  release_date?: string | null;

  @ApiPropertyOptional({ enum: ['public', 'private'], default: 'public' })
  @IsOptional()
  @IsIn(['public', 'private'], { message: 'visibility must be public or private' })
  visibility?: 'public' | 'private';

  @PublishingArtistField()
  artist_id?: string;
}

/** The form of POST /api/songs: the audio file and the details. */
export class CreateSongFormDto extends SongDetailsDto {
  @ApiProperty({ type: 'string', format: 'binary', description: 'MP3, WAV, M4A, FLAC, OGG or AAC, at most 50 MB' })
  audio!: unknown;
}

/** PUT /api/songs/:id: any details; a new `audio` file replaces the old one. */
export class UpdateSongDto extends PartialType(SongDetailsDto) {}
