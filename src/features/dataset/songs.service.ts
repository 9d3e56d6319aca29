import { Injectable, NotFoundException } from '@nestjs/common';
import { AppConfig } from '../../platform/config/app-config.js';
import { Prisma, type Song } from '../../generated/prisma/client.js';
import type { SpotifyAudioFeatures, SpotifyTrack } from '../spotify/spotify-track.js';
import { isRowId } from '../../platform/common/http/query.js';
import { PrismaService } from '../../platform/database/prisma.service.js';
import { ORIGINAL_FEATURES } from '../../vocabulary/audio-features.js';
import type { FeatureAverageGroupDto, FeatureAveragesDto } from './dto/feature-averages.dto.js';
import type { ListSongsQueryDto } from './dto/list-songs.query.dto.js';
import type { SearchHitDto } from './dto/song-search.dto.js';
import { toSongDto, type SongDto, type SongPageDto } from './dto/song.dto.js';
import { normalizeSearchText } from '../../vocabulary/search-text.js';
import { SearchTextFilter } from './search-text-filter.js';
import { SongSearchService } from './song-search.service.js';
import { songFromSpotify } from './spotify-song.js';

const ORDER_FIELDS: Record<string, keyof Prisma.SongOrderByWithRelationInput> = {
  id: 'id',
  track_name: 'trackName',
  artists: 'artists',
  popularity: 'popularity',
  decade: 'decade',
  created_at: 'createdAt',
};

const NULLABLE_ORDER_FIELDS = new Set(['popularity', 'decade']);

/** The answer to a query with nothing left to search once normalized (only punctuation, say). */
const EMPTY_SEARCH_BODY = JSON.stringify({ songs: [] });

@Injectable()
export class SongsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly config: AppConfig,
    private readonly songSearch: SongSearchService,
    private readonly searchTextFilter: SearchTextFilter,
  ) {}

  /** Stores a track found on Spotify with its audio features (again: its popularity may have changed). */
  async saveSpotifySong(track: SpotifyTrack, features: SpotifyAudioFeatures): Promise<Song> {
    const known = await this.prisma.song.findUnique({ where: { trackId: track.id } });
    // A dataset song keeps its dataset values; only Spotify's own songs follow Spotify.
    if (known && known.source !== 'spotify') return known;
    const data = songFromSpotify(track, features, this.config.HIT_POPULARITY_THRESHOLD);
    return this.prisma.song.upsert({ where: { trackId: track.id }, create: data, update: data });
  }

  /** The mean of each model feature over the hits and over the flops (explicit and mode as shares, 0–1). */
  async featureAverages(): Promise<FeatureAveragesDto> {
    const rows = await this.prisma.$queryRaw<Array<{ is_hit: boolean; songs: number } & Record<string, number>>>`
      SELECT is_hit, count(*)::int AS songs,
             avg(duration_ms)::float AS duration_ms, avg(danceability)::float AS danceability, avg(energy)::float AS energy,
             avg(valence)::float AS valence, avg(acousticness)::float AS acousticness,
             avg(instrumentalness)::float AS instrumentalness, avg(explicit::int)::float AS explicit,
             avg(loudness)::float AS loudness, avg(tempo)::float AS tempo, avg(mode)::float AS mode
      FROM songs GROUP BY is_hit`;
    const group = (isHit: boolean): FeatureAverageGroupDto => {
      const row = rows.find((candidate) => candidate.is_hit === isHit);
      return { songs: row?.songs ?? 0, features: row ? Object.fromEntries(ORIGINAL_FEATURES.map((name) => [name, row[name]!])) : null };
    };
    return { hit: group(true), flop: group(false) };
  }

  /** Which of these Spotify track ids are songs of an imported dataset. */
  async datasetTrackIds(trackIds: string[]): Promise<Set<string>> {
    const songs = await this.prisma.song.findMany({ where: { trackId: { in: trackIds }, dataset: { not: null } }, select: { trackId: true } });
    return new Set(songs.map((song) => song.trackId!));
  }

  /** Adds Spotify's album name, cover and preview to a song that lacks them. */
  async addSpotifyLinks(song: Pick<Song, 'id' | 'albumName' | 'albumImage' | 'previewUrl'>, track: SpotifyTrack): Promise<Song> {
    return this.prisma.song.update({
      where: { id: song.id },
      data: { albumName: song.albumName ?? track.album, albumImage: song.albumImage ?? track.albumImage, previewUrl: song.previewUrl ?? track.previewUrl },
    });
  }

  /**
   * Title/artist search, accent- and case-insensitive, tolerant of small typos, ranked
   * exact > prefix > contains, then by popularity (SongSearchService).
   */
  async search(query: string, limit: number): Promise<SearchHitDto[]> {
    const q = normalizeSearchText(query);
    return q ? this.songSearch.search(q, limit) : [];
  }

  /** The same search as the answer's JSON text, `{"songs":[…]}`, kept between searches (SongSearchService). */
  async searchBody(query: string, limit: number): Promise<string> {
    const q = normalizeSearchText(query);
    return q ? this.songSearch.searchBody(q, limit) : EMPTY_SEARCH_BODY;
  }

  /** The songs whose search text contains every one of `texts` (in search-text form), as a filter (SearchTextFilter). */
  searchTextContaining(texts: string[]): Promise<Prisma.SongWhereInput> {
    return this.searchTextFilter.containing(texts);
  }

  async list(query: ListSongsQueryDto): Promise<SongPageDto> {
    const search = query.search ? normalizeSearchText(query.search) : '';
    const where: Prisma.SongWhereInput = {
      ...(search && (await this.searchTextFilter.containing([search]))),
      ...(query.genre && { trackGenre: { equals: query.genre, mode: 'insensitive' } }),
      ...(query.is_hit !== undefined && { isHit: query.is_hit }),
      ...(query.source && { source: query.source }),
      ...(query.decade !== undefined && { decade: query.decade }),
      ...(query.min_popularity !== undefined && { popularity: { gte: query.min_popularity } }),
    };
    const descending = query.ordering.startsWith('-');
    const field = ORDER_FIELDS[query.ordering.replace(/^-/, '')]!;
    const sort = descending ? 'desc' : 'asc';
    // Songs without a value (no popularity, unknown decade) come last either way.
    const order = NULLABLE_ORDER_FIELDS.has(field) ? { sort, nulls: 'last' } : sort;
    const orderBy = [{ [field]: order }, { id: 'asc' }] as Prisma.SongOrderByWithRelationInput[];
    const [count, songs] = await this.prisma.$transaction([
      this.prisma.song.count({ where }),
      this.prisma.song.findMany({ where, orderBy, skip: (query.page - 1) * query.page_size, take: query.page_size }),
    ]);
    return { count, page: query.page, page_size: query.page_size, results: songs.map(toSongDto) };
  }

  async get(id: number): Promise<SongDto> {
    const song = isRowId(id) ? await this.prisma.song.findUnique({ where: { id } }) : null;
    if (!song) throw new NotFoundException(`Song ${id} not found`);
    return toSongDto(song);
  }

  /** Removes every song and what refers to them (predictions, audit logs): the original clear_database. */
  async clearAll(): Promise<number> {
    const count = await this.prisma.song.count();
    await this.prisma.$executeRaw`TRUNCATE songs RESTART IDENTITY CASCADE`;
    return count;
  }

  async count(where: Prisma.SongWhereInput = {}): Promise<number> {
    return this.prisma.song.count({ where });
  }

  /**
   * Applies an edit, then what follows from the row as edited (`derive`: search columns, a
   * popularity-based hit label), the row locked until both are committed.
   */
  async editSong<Include extends Prisma.SongInclude>(
    id: number,
    changes: Prisma.SongUpdateInput,
    derive: (edited: Song) => Prisma.SongUpdateInput,
    include: Include,
  ): Promise<Prisma.SongGetPayload<{ include: Include }>> {
    return this.prisma.$transaction(async (tx) => {
      const locked = isRowId(id) ? await tx.$queryRaw<unknown[]>`SELECT id FROM songs WHERE id = ${id} FOR UPDATE` : [];
      if (locked.length === 0) throw new NotFoundException(`Song ${id} not found`);
      const edited = await tx.song.update({ where: { id }, data: changes, include });
      const derived = derive(edited);
      return Object.keys(derived).length === 0 ? edited : tx.song.update({ where: { id }, data: derived, include });
    }) as Promise<Prisma.SongGetPayload<{ include: Include }>>;
  }

  /** Deletes these songs; their predictions and audit logs go with them (ON DELETE CASCADE). */
  deleteWhere(where: Prisma.SongWhereInput): Promise<{ count: number }> {
    return this.prisma.song.deleteMany({ where });
  }
}
