import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { DEMO_DESCRIPTION } from '../../dataset/dto/song.dto.js';
import { ExplanationDto } from '../../../platform/models/explanation.dto.js';
import { CALIBRATED_DESCRIPTION, EXPLANATION_DESCRIPTION, RAW_PROBABILITY_DESCRIPTION } from './explanation-descriptions.js';

/** A song named by a Spotify link, URI or track id, or by title and artist. */
export class SpotifyPredictionDto {
  @ApiPropertyOptional({ example: '4uLU6hMCjMI75M1A2tKUQC' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  track_id?: string;

  @ApiPropertyOptional({ example: 'https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC?si=abc', description: 'A track link or spotify:track: URI' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  url?: string;

  @ApiPropertyOptional({ example: "Can't Buy Me Love" })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  title?: string;

  @ApiPropertyOptional({ example: 'The Beatles' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  artist?: string;
}

export class PredictedSongDto {
  @ApiProperty() title!: string;
  @ApiProperty() artist!: string;
  @ApiProperty({ type: String, nullable: true }) album!: string | null;
  @ApiProperty({ type: String, nullable: true }) album_image!: string | null;
  @ApiProperty({ type: String, nullable: true }) spotify_url!: string | null;
  @ApiProperty({ type: String, nullable: true }) preview_url!: string | null;
  @ApiProperty({ type: Number, nullable: true }) popularity!: number | null;
  @ApiProperty({ type: String, nullable: true }) track_id!: string | null;
  @ApiProperty({ description: DEMO_DESCRIPTION }) demo!: boolean;
}

export class SpotifyPredictionResultDto {
  @ApiProperty({ enum: ['HIT', 'FLOP'] }) prediction!: 'HIT' | 'FLOP';
  @ApiProperty({ description: '0–100, two decimals' }) confidence!: number;
  @ApiProperty({ type: PredictedSongDto }) song!: PredictedSongDto;
  @ApiProperty({ description: 'The ten model features of the song' }) features!: Record<string, number>;
  @ApiProperty() prediction_id!: number;
  @ApiProperty() song_id!: number;
  @ApiProperty({ description: 'The song is in an imported dataset' }) in_dataset!: boolean;
  @ApiProperty({ enum: ['HIT', 'FLOP'], description: 'The model’s own answer, before the dataset adjustment' }) model_prediction!: 'HIT' | 'FLOP';
  @ApiProperty({ description: 'The model’s own (calibrated) probability of its answer, 0–100, two decimals' }) model_confidence!: number;
  @ApiProperty() model_version!: string;
  @ApiProperty() adjusted_by_dataset!: boolean;
  @ApiProperty({ enum: ['HIT', 'FLOP'], nullable: true }) dataset_label!: 'HIT' | 'FLOP' | null;
  @ApiProperty({ type: Number, nullable: true }) dataset_popularity!: number | null;
  @ApiProperty({ minimum: 0, maximum: 1, description: RAW_PROBABILITY_DESCRIPTION }) raw_probability!: number;
  @ApiProperty({ description: CALIBRATED_DESCRIPTION }) calibrated!: boolean;
  @ApiProperty({ type: ExplanationDto, nullable: true, description: EXPLANATION_DESCRIPTION }) explanation!: ExplanationDto | null;
}
