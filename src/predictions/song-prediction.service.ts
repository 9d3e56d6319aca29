import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service.js';
import type { Prisma, Song } from '../generated/prisma/client.js';
import { DEFAULT_HIT_FEATURES, HIT_FEATURE_FIELDS } from '../hit-model/hit-features.js';
import { HitPredictorService } from '../hit-model/hit-predictor.service.js';
import { typoScore } from '../songs/fuzzy-score.js';
import { normalizeSearchText } from '../songs/search-text.js';
import { SongsService } from '../songs/songs.service.js';
import { adjustByDataset } from './dataset-adjustment.js';
import type { SpotifyPredictionDto, SpotifyPredictionResultDto } from './dto/spotify-prediction.dto.js';
import { InvalidSpotifyReferenceError, parseSpotifyTrackReference } from './spotify-reference.js';

export const SONG_NOT_FOUND = 'Song not found. Please provide a valid Spotify link or song title + artist.';
/** How close a near miss must be to count as the song asked for (typo score, 0–1). */
const TITLE_ARTIST_MATCH = 0.85;

const label = (isHit: boolean) => (isHit ? 'HIT' : 'FLOP');

/** Predicts a named song: finds it, predicts it, adjusts by the dataset, and stores the answer with its audit log. */
@Injectable()
export class SongPredictionService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly songs: SongsService,
    private readonly predictor: HitPredictorService,
  ) {}

  async predict(request: SpotifyPredictionDto, requestId?: string): Promise<SpotifyPredictionResultDto> {
    const song = await this.findSong(request);
    if (!song) throw new NotFoundException(SONG_NOT_FOUND, { description: SONG_NOT_FOUND });

    const features = Object.fromEntries(DEFAULT_HIT_FEATURES.map((name) => [name, Number(song[HIT_FEATURE_FIELDS[name]])]));
    const model = await this.predictor.predict(features);
    const inDataset = song.dataset !== null;
    const adjusted = adjustByDataset({ modelHitProbability: model.probabilities.HIT, datasetIsHit: inDataset ? song.isHit : null });

    return this.prisma.$transaction(async (tx) => {
      const prediction = await tx.prediction.create({
        data: {
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
        },
      });
      const response: SpotifyPredictionResultDto = {
        prediction: label(adjusted.isHit),
        confidence: adjusted.confidence,
        song: {
          title: song.trackName,
          artist: song.artists,
          album: song.albumName,
          album_image: null,
          spotify_url: song.trackId ? `https://open.spotify.com/track/${song.trackId}` : null,
          preview_url: null,
          popularity: song.popularity,
          track_id: song.trackId,
        },
        features,
        prediction_id: prediction.id,
        song_id: song.id,
        in_dataset: inDataset,
        model_prediction: model.prediction,
        model_confidence: model.confidence,
        model_version: model.modelVersion,
        adjusted_by_dataset: adjusted.adjustedByDataset,
        dataset_label: inDataset ? label(song.isHit) : null,
        dataset_popularity: inDataset ? song.popularity : null,
      };
      await tx.predictionAuditLog.create({
        data: {
          predictionId: prediction.id,
          endpoint: 'POST /api/predict/spotify/',
          requestId,
          request: request as Prisma.InputJsonValue,
          response: response as unknown as Prisma.InputJsonValue,
        },
      });
      return response;
    });
  }

  /** By track id (from an id, link or URI), else by title + artist: exact first, then the closest near miss. */
  private async findSong({ track_id, url, title, artist }: SpotifyPredictionDto): Promise<Song | null> {
    const reference = track_id?.trim() || url?.trim();
    if (reference) {
      let trackId: string;
      try {
        trackId = parseSpotifyTrackReference(reference);
      } catch (error) {
        if (error instanceof InvalidSpotifyReferenceError) throw new BadRequestException(`${track_id?.trim() ? 'track_id' : 'url'}: ${error.message}`);
        throw error;
      }
      return this.prisma.song.findUnique({ where: { trackId } });
    }
    if (!title?.trim() || !artist?.trim()) {
      throw new BadRequestException('Provide a Spotify link (url), a track_id, or both title and artist.');
    }
    const wanted = normalizeSearchText(`${title} ${artist}`);
    for (const hit of await this.songs.search(`${title} ${artist}`, 5)) {
      if (hit.match !== 'fuzzy' || typoScore(wanted, normalizeSearchText(`${hit.track_name} ${hit.artists}`)) >= TITLE_ARTIST_MATCH) {
        return this.prisma.song.findUnique({ where: { id: hit.id } });
      }
    }
    return null;
  }
}
