import { Injectable, Logger } from '@nestjs/common';
import { spotifyTrackUrl } from '../dataset/demo/demo-mark.js';
import type { SearchHitDto } from '../dataset/dto/song-search.dto.js';
import { SongsService } from '../dataset/songs.service.js';
import type { SpotifySearchResultDto, SpotifySearchTrackDto } from './dto/spotify-search.dto.js';
import { SpotifyClient, SpotifyUnavailableError } from './spotify-client.js';
import type { SpotifyTrack } from './spotify-track.js';

/** Spotify's search answers at most this many tracks per request. */
const SPOTIFY_SEARCH_LIMIT = 50;

/** Track search on Spotify, or in the songs table when Spotify is not configured or not answering. */
@Injectable()
export class SpotifySearchService {
  private readonly logger = new Logger(SpotifySearchService.name);

  constructor(
    private readonly spotify: SpotifyClient,
    private readonly songs: SongsService,
  ) {}

  async search(query: string, limit: number): Promise<SpotifySearchResultDto> {
    let notice = 'Spotify is not configured (SPOTIFY_CLIENT_ID, SPOTIFY_CLIENT_SECRET): these tracks come from the dataset.';
    if (this.spotify.configured) {
      try {
        const tracks = await this.spotify.searchTracks(query, Math.min(limit, SPOTIFY_SEARCH_LIMIT));
        const inDataset = await this.songs.datasetTrackIds(tracks.map((track) => track.id));
        return { query, source: 'spotify', tracks: tracks.map((track) => fromSpotify(track, inDataset.has(track.id))) };
      } catch (error) {
        if (!(error instanceof SpotifyUnavailableError)) throw error;
        this.logger.warn(`Search falls back to the dataset: ${error.message}`);
        notice = 'Spotify is not answering right now: these tracks come from the dataset.';
      }
    }
    const songs = await this.songs.search(query, limit);
    return { query, source: 'dataset', notice, tracks: songs.map(fromSongsTable) };
  }
}

function fromSpotify(track: SpotifyTrack, inDataset: boolean): SpotifySearchTrackDto {
  return {
    id: track.id,
    title: track.title,
    artist: track.artist,
    album: track.album,
    album_image: track.albumImage,
    duration_ms: track.durationMs,
    explicit: track.explicit,
    preview_url: track.previewUrl,
    spotify_url: track.spotifyUrl,
    popularity: track.popularity,
    in_dataset: inDataset,
    demo: false,
  };
}

function fromSongsTable(song: SearchHitDto): SpotifySearchTrackDto {
  return {
    id: song.track_id,
    title: song.track_name,
    artist: song.artists,
    album: song.album_name,
    album_image: song.album_image,
    duration_ms: song.duration_ms,
    explicit: song.explicit,
    preview_url: song.preview_url,
    spotify_url: spotifyTrackUrl(song.track_id, song.dataset),
    popularity: song.popularity,
    in_dataset: song.dataset !== null,
    demo: song.demo,
  };
}
