import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageDto, PageQueryDto } from '../../../platform/common/http/query.js';
import { DEMO_DESCRIPTION } from '../../dataset/dto/song.dto.js';

export class ListArtistsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Words of the name; typos are fine' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;
}

export class UpdateArtistDto {
  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(100)
  name?: string;

  @ApiPropertyOptional({ maxLength: 5000 })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  bio?: string;
}

export class ArtistDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() bio!: string;
  @ApiProperty() follower_count!: number;
  @ApiProperty({ description: DEMO_DESCRIPTION }) demo!: boolean;
}

export class ArtistPageDto extends PageDto {
  @ApiProperty({ type: [ArtistDto] }) results!: ArtistDto[];
}

export class ArtistProfileDto extends ArtistDto {
  @ApiProperty({ description: 'Songs the caller can see' }) song_count!: number;
  @ApiProperty() album_count!: number;
  @ApiProperty({ description: 'Plays of all public songs' }) total_plays!: number;
  @ApiProperty({ description: 'Likes of all public songs' }) total_likes!: number;
  @ApiProperty({ type: Boolean, nullable: true, description: 'Whether the caller follows the artist (null when signed out)' }) following!: boolean | null;
}
