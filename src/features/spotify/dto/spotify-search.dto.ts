import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DEMO_DESCRIPTION } from '../../dataset/dto/song.dto.js';

export class SpotifySearchTrackDto {
  @ApiProperty({ type: String, nullable: true, description: 'Spotify track id' }) id!: string | null;
  @ApiProperty() title!: string;
  @ApiProperty({ description: 'Several artists are separated by ";"' }) artist!: string;
  @ApiProperty({ type: String, nullable: true }) album!: string | null;
  @ApiProperty({ type: String, nullable: true }) album_image!: string | null;
  @ApiProperty() duration_ms!: number;
  @ApiProperty() explicit!: boolean;
  @ApiProperty({ type: String, nullable: true }) preview_url!: string | null;
  @ApiProperty({ type: String, nullable: true }) spotify_url!: string | null;
  @ApiProperty({ type: Number, nullable: true }) popularity!: number | null;
  @ApiProperty({ description: 'The song is in an imported dataset, so its prediction follows the dataset label' }) in_dataset!: boolean;
  @ApiProperty({ description: DEMO_DESCRIPTION }) demo!: boolean;
}

export class SpotifySearchResultDto {
  @ApiProperty({ type: [SpotifySearchTrackDto] }) tracks!: SpotifySearchTrackDto[];
  @ApiProperty() query!: string;
  @ApiProperty({ enum: ['spotify', 'dataset'], description: 'Where the tracks come from: the dataset when Spotify is not configured or not answering' })
  source!: 'spotify' | 'dataset';
  @ApiPropertyOptional({ description: 'Why the tracks come from the dataset' }) notice?: string;
}
