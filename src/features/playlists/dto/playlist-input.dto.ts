import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import { PageQueryDto } from '../../../platform/common/http/query.js';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

// class-validator checks a field's decorators bottom-up and the app stops at the first error, so the
// most basic check (present, then type) is listed last: a missing name says "must not be empty".

export class CreatePlaylistDto {
  @ApiProperty({ maxLength: 200, example: 'Late night drive' })
  @Transform(trimmed)
  @MaxLength(200, { message: 'name must be at most 200 characters' })
  @IsString({ message: 'name must be a string' })
  @IsNotEmpty({ message: 'name must not be empty' })
  name!: string;

  @ApiPropertyOptional({ maxLength: 2000, default: '' })
  @IsOptional()
  @Transform(trimmed)
  @MaxLength(2000, { message: 'description must be at most 2000 characters' })
  @IsString({ message: 'description must be a string' })
  description?: string;

  @ApiPropertyOptional({ enum: ['public', 'private'], default: 'private' })
  @IsOptional()
  @IsIn(['public', 'private'], { message: 'visibility must be public or private' })
  visibility?: 'public' | 'private';

  @ApiPropertyOptional({ default: false, description: 'Collaborators (who joined by the share link) may add, remove and reorder songs' })
  @IsOptional()
  @IsBoolean({ message: 'collaborative must be true or false' })
  collaborative?: boolean;
}

/** PUT /api/playlists/:id: any of the fields; those left out stay as they are. */
export class UpdatePlaylistDto extends PartialType(CreatePlaylistDto) {}

export class AddPlaylistSongDto {
  @ApiProperty({ format: 'uuid', description: 'A catalog song the caller can see' })
  @IsUUID('all', { message: 'song_id must be a UUID' })
  song_id!: string;

  @ApiPropertyOptional({ minimum: 0, description: '0-based; the entries from there on shift down by one. Default: append at the end' })
  @IsOptional()
  @Min(0, { message: 'position must not be negative' })
  @IsInt({ message: 'position must be a whole number' })
  position?: number;
}

/** Moves one entry (named by its id, which stays valid while others move) to a new 0-based position. */
export class ReorderPlaylistDto {
  @ApiProperty({ description: 'The id of the playlist entry (not the song id) to move' })
  @Min(1, { message: 'item_id must be a positive whole number' })
  @IsInt({ message: 'item_id must be a whole number' })
  item_id!: number;

  @ApiProperty({ minimum: 0, description: 'Where the entry ends up (0-based); the entries between shift by one' })
  @Min(0, { message: 'position must not be negative' })
  @IsInt({ message: 'position must be a whole number' })
  position!: number;
}

export class ListPublicPlaylistsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Words of the name or description (case does not matter)' })
  @IsOptional()
  @Transform(trimmed)
  @MaxLength(200, { message: 'search must be at most 200 characters' })
  @IsString()
  search?: string;
}
