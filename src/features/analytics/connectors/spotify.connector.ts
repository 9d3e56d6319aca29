import { Injectable } from '@nestjs/common';
import { SpotifyClient } from '../../spotify/spotify-client.js';
import type { SpotifyArtist } from '../../spotify/spotify-artist.js';
import type { DailyMetricDto } from '../dto/metrics.dto.js';
import { utcDay } from '../ingestion/metric-rows.js';
import type { PlatformAccountRef, PlatformConnector } from './platform-connector.js';

/** The platform has no such account (any more): deleted, or the stored id is wrong. */
export class PlatformAccountNotFoundError extends Error {}

/**
 * Spotify's public artist numbers (followers, popularity) through the app's client-credentials
 * client. Spotify gives no public API for streams or monthly listeners (Spotify for Artists has
 * none), so those come in through ingestion.
 */
@Injectable()
export class SpotifyConnector implements PlatformConnector {
  readonly platform = 'spotify' as const;
  readonly source = 'spotify' as const;

  constructor(private readonly spotify: SpotifyClient) {}

  get configured(): boolean {
    return this.spotify.configured;
  }

  async sync(account: PlatformAccountRef): Promise<DailyMetricDto[]> {
    const artist = await this.spotify.getArtist(account.externalId);
    if (!artist) throw new PlatformAccountNotFoundError(`Spotify has no artist ${account.externalId}`);
    return SpotifyConnector.rows(artist);
  }

  /** Today's row (UTC) from an artist's numbers; none when Spotify withholds both (Development Mode apps). */
  static rows(artist: SpotifyArtist, day = utcDay()): DailyMetricDto[] {
    if (artist.followers === null && artist.popularity === null) return [];
    return [
      {
        platform: 'spotify',
        date: day,
        ...(artist.followers !== null && { followers: artist.followers }),
        ...(artist.popularity !== null && { popularity: artist.popularity }),
      },
    ];
  }
}
