import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';
import { PageDto } from '../../../platform/common/http/query.js';
import type { Prediction, Song } from '../../../generated/prisma/client.js';
import { isDemoDataset } from '../../dataset/demo/demo-mark.js';
import { DEMO_DESCRIPTION } from '../../dataset/dto/song.dto.js';
import { AdminListQueryDto } from './admin-filters.js';
import { BooleanFilter, Ordering } from '../../../platform/common/http/query-filters.js';

export const ADMIN_PREDICTION_ORDERINGS = ['created_at', 'confidence'] as const;

/** GET /api/admin/predictions (`search` matches the song's title and artists). */
export class AdminPredictionsQueryDto extends AdminListQueryDto {
  @BooleanFilter('is_hit', 'The answer given (after any correction)') is_hit?: boolean;
  @BooleanFilter('model_prediction', "The model's own answer (true = HIT)") model_prediction?: boolean;
  @BooleanFilter('adjusted_by_dataset') adjusted_by_dataset?: boolean;
  @Ordering(ADMIN_PREDICTION_ORDERINGS, '-created_at') ordering: string = '-created_at';
}

export class AdminPredictionSongDto {
  @ApiProperty() id!: number;
  @ApiProperty() track_name!: string;
  @ApiProperty() artists!: string;
  @ApiProperty({ description: DEMO_DESCRIPTION }) demo!: boolean;
}

/** A stored prediction as a row of the admin pages: its columns, booleans as stored (true = HIT). */
export class AdminPredictionDto {
  @ApiProperty() id!: number;
  @ApiProperty({ type: AdminPredictionSongDto }) song!: AdminPredictionSongDto;
  @ApiProperty({ description: 'The answer given, or as corrected by an admin' }) is_hit!: boolean;
  @ApiProperty({ description: '0–100' }) confidence!: number;
  @ApiProperty({ description: 'What the model said, before any dataset adjustment or correction' }) model_prediction!: boolean;
  @ApiProperty({ description: '0–100' }) model_confidence!: number;
  @ApiProperty() model_version!: string;
  @ApiProperty() in_dataset!: boolean;
  @ApiProperty() adjusted_by_dataset!: boolean;
  @ApiProperty() created_at!: Date;
}

export class AdminPredictionPageDto extends PageDto {
  @ApiProperty({ type: [AdminPredictionDto] }) results!: AdminPredictionDto[];
}

export const toAdminPredictionDto = (prediction: Prediction & { song: Pick<Song, 'id' | 'trackName' | 'artists' | 'dataset'> }): AdminPredictionDto => ({
  id: prediction.id,
  song: { id: prediction.song.id, track_name: prediction.song.trackName, artists: prediction.song.artists, demo: isDemoDataset(prediction.song.dataset) },
  is_hit: prediction.isHit,
  confidence: prediction.confidence,
  model_prediction: prediction.modelPrediction,
  model_confidence: prediction.modelConfidence,
  model_version: prediction.modelVersion,
  in_dataset: prediction.inDataset,
  adjusted_by_dataset: prediction.adjustedByDataset,
  created_at: prediction.createdAt,
});

/** PATCH /api/admin/predictions/:id: a correction of the answer; the model's own answer stays. */
export class CorrectPredictionDto {
  @ApiProperty()
  @IsBoolean({ message: 'is_hit must be true or false' })
  is_hit!: boolean;
}
