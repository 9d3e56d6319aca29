import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../platform/database/prisma.service.js';
import { songFeatures } from './model/hit-features.js';
import { HitPredictorService } from './model/hit-predictor.service.js';
import { isDemoDataset, spotifyTrackUrl } from '../dataset/demo/demo-mark.js';
import { adjustByDataset } from './dataset-adjustment.js';
import type { SpotifyPredictionDto, SpotifyPredictionResultDto } from './dto/spotify-prediction.dto.js';
import type { CoalescingWriter } from '../../platform/database/coalescing-writer.js';
import { predictionHistoryWriter, type PredictionToStore } from './prediction-record.js';
import { SongLookupService, type FoundSong } from './song-lookup.service.js';

const label = (isHit: boolean) => (isHit ? 'HIT' : 'FLOP');

/**
 * Predicts a named song: finds it, predicts it, adjusts by the dataset, and stores the answer with
 * its audit log (one statement shared with concurrent requests). A song kept from an earlier
 * request is confirmed by that statement: if the songs changed since, it is read again.
 */
@Injectable()
export class SongPredictionService {
  /** One per app: concurrent requests' predictions share its statements (see predictionHistoryWriter). */
  private readonly history: CoalescingWriter<PredictionToStore, number | null>;

  constructor(
    prisma: PrismaService,
    private readonly lookup: SongLookupService,
    private readonly predictor: HitPredictorService,
  ) {
    this.history = predictionHistoryWriter(prisma.pool);
  }

  async predict(request: SpotifyPredictionDto, requestId?: string): Promise<SpotifyPredictionResultDto> {
    const answer = await this.predictFound(await this.lookup.find(request), request, requestId);
    if (answer) return answer;
    // The songs changed after the kept song was read: read it now; a song read now is stored as it is.
    return (await this.predictFound(await this.lookup.find(request, { kept: false }), request, requestId))!;
  }

  /** The answer for `found`, stored; null when it was kept and the songs have changed since (nothing stored). */
  private async predictFound({ song, keptAt }: FoundSong, request: SpotifyPredictionDto, requestId?: string): Promise<SpotifyPredictionResultDto | null> {
    const features = songFeatures(song);
    const model = await this.predictor.predict(features);
    const inDataset = song.dataset !== null;
    const adjusted = adjustByDataset({ modelHitProbability: model.probabilities.HIT, datasetIsHit: inDataset ? song.isHit : null });

    const response: SpotifyPredictionResultDto = {
      prediction: label(adjusted.isHit),
      confidence: adjusted.confidence,
      song: {
        title: song.trackName,
        artist: song.artists,
        album: song.albumName,
        album_image: song.albumImage,
        spotify_url: spotifyTrackUrl(song.trackId, song.dataset),
        preview_url: song.previewUrl,
        popularity: song.popularity,
        track_id: song.trackId,
        demo: isDemoDataset(song.dataset),
      },
      features,
      prediction_id: 0, // the stored prediction's, set below (its place keeps the answer's field order)
      song_id: song.id,
      in_dataset: inDataset,
      model_prediction: model.prediction,
      model_confidence: model.confidence,
      model_version: model.modelVersion,
      adjusted_by_dataset: adjusted.adjustedByDataset,
      dataset_label: inDataset ? label(song.isHit) : null,
      dataset_popularity: inDataset ? song.popularity : null,
      raw_probability: model.rawProbability,
      calibrated: model.calibrated,
      explanation: model.explanation ?? null,
    };
    const values = {
      songId: song.id,
      isHit: adjusted.isHit,
      confidence: adjusted.confidence,
      modelPrediction: model.isHit,
      modelConfidence: model.confidence,
      modelVersion: model.modelVersion,
      inDataset,
      adjustedByDataset: adjusted.adjustedByDataset,
      datasetLabel: inDataset ? song.isHit : null,
      datasetPopularity: inDataset ? song.popularity : null,
    };
    const id = await this.history.write({ values, audit: { endpoint: 'POST /api/predict/spotify/', requestId, request, response }, songKeptAt: keptAt });
    if (id === null) return null;
    response.prediction_id = id;
    return response;
  }
}
