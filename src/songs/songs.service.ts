import { Injectable, NotFoundException } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { Prisma, type Song } from '../generated/prisma/client.js';
import type { SpotifyAudioFeatures, SpotifyTrack } from '../spotify/spotify-track.js';
import { isRowId } from '../common/http/query.js';
import { likeLiteral } from '../database/like-literal.js';
import { PrismaService } from '../database/prisma.service.js';
import { DEFAULT_HIT_FEATURES } from '../hit-model/hit-features.js';
import type { FeatureAverageGroupDto, FeatureAveragesDto } from './dto/feature-averages.dto.js';
import type { ListSongsQueryDto } from './dto/list-songs.query.dto.js';
import type { SearchHitDto } from './dto/song-search.dto.js';
import { toSongDto, type SongDto, type SongPageDto } from './dto/song.dto.js';
import { DEMO_DATASET } from './demo/demo-mark.js';
import { typoScore } from './fuzzy-score.js';
import { normalizeSearchText } from './search-text.js';
import { songFromSpotify } from './spotify-song.js';

/** Match names by rank: the phrase, or every word, counts as "contains". */
const MATCH_BY_RANK = ['exact', 'prefix', 'contains', 'contains'] as const;
/** pg_trgm word similarities a fuzzy match needs, tried in turn (0.6 is pg_trgm's default). */
const FUZZY_THRESHOLDS = [0.6, 0.45];
/** A typo score this high means every query word is within about one slip of a song's word. */
const ONE_SLIP_SCORE = 0.9;

const ORDER_FIELDS: Record<string, keyof Prisma.SongOrderByWithRelationInput> = {
  id: 'id',
  track_name: 'trackName',
  artists: 'artists',
  popularity: 'popularity',
  decade: 'decade',
  created_at: 'createdAt',
};

/** Fuzzy candidates fetched, to re-rank by typo distance. */
const FUZZY_CANDIDATES = 100;

type Candidate = Omit<SearchHitDto, 'match'> & { rank: number };

const SEARCH_COLUMNS = Prisma.sql`id, track_id, track_name, artists, album_name, album_image, preview_url, duration_ms, explicit,
  popularity, is_hit, track_genre, decade,
  source::text AS source, dataset, dataset IS NOT DISTINCT FROM ${DEMO_DATASET} AS demo`;

const NULLABLE_ORDER_FIELDS = new Set(['popularity', 'decade']);

@Injectable()
export class SongsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly config: AppConfig,
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
      return { songs: row?.songs ?? 0, features: row ? Object.fromEntries(DEFAULT_HIT_FEATURES.map((name) => [name, row[name]!])) : null };
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
   * Title/artist search, accent- and case-insensitive, tolerant of small typos (pg_trgm),
   * ranked exact > prefix > contains, then by popularity. Songs holding every word of the
   * query come from the trigram index directly; only when there is none does the slower
   * similarity search look for near misses, re-ranked by typo distance.
   */
  async search(query: string, limit: number): Promise<SearchHitDto[]> {
    const q = normalizeSearchText(query);
    if (!q) return [];
    const prefix = `${likeLiteral(q)}%`;
    const everyWord = Prisma.join(
      q.split(' ').map((word) => Prisma.sql`search_text LIKE ${`%${likeLiteral(word)}%`}`),
      ' AND ',
    );
    const strong = await this.prisma.$queryRaw<Candidate[]>`
      SELECT ${SEARCH_COLUMNS},
             CASE WHEN search_title = ${q} OR search_artists = ${q} OR search_text = ${q} THEN 0
                  WHEN search_title LIKE ${prefix} OR search_artists LIKE ${prefix} OR search_text LIKE ${prefix} THEN 1
                  WHEN search_text LIKE ${`%${likeLiteral(q)}%`} THEN 2
                  ELSE 3 END AS rank
      FROM songs WHERE ${everyWord}
      ORDER BY rank, popularity DESC NULLS LAST, id
      LIMIT ${limit}`;
    if (strong.length > 0) return strong.map(({ rank, ...song }) => ({ ...song, match: MATCH_BY_RANK[rank]! }));
    return this.fuzzySearch(q, limit);
  }

  /**
   * Songs whose words are close to the query's, for queries with a typo. A strict similarity
   * first (few candidates, fast); a looser one when that finds nothing within one slip, since
   * a slip in a short word ("beatels") shares few trigrams with the right one.
   */
  private async fuzzySearch(q: string, limit: number): Promise<SearchHitDto[]> {
    let ranked: Array<{ song: Omit<Candidate, 'rank'>; similarity: number; score: number }> = [];
    for (const threshold of FUZZY_THRESHOLDS) {
      const [, candidates] = await this.prisma.$transaction([
        this.prisma.$executeRaw`SELECT set_config('pg_trgm.word_similarity_threshold', ${String(threshold)}, true)`,
        this.prisma.$queryRaw<Array<Omit<Candidate, 'rank'> & { search_text: string; similarity: number }>>`
          SELECT ${SEARCH_COLUMNS}, search_text, word_similarity(${q}, search_text) AS similarity
          FROM songs WHERE ${q} <% search_text
          ORDER BY similarity DESC, popularity DESC NULLS LAST, id
          LIMIT ${FUZZY_CANDIDATES}`,
      ]);
      ranked = candidates
        .map(({ search_text: text, similarity, ...song }) => ({ song, similarity, score: typoScore(q, text) }))
        .sort((a, b) => b.score - a.score || (b.song.popularity ?? -1) - (a.song.popularity ?? -1) || b.similarity - a.similarity);
      if ((ranked[0]?.score ?? 0) >= ONE_SLIP_SCORE) break;
    }
    return ranked.slice(0, limit).map(({ song }) => ({ ...song, match: 'fuzzy' }));
  }

  async list(query: ListSongsQueryDto): Promise<SongPageDto> {
    const search = query.search ? normalizeSearchText(query.search) : '';
    const where: Prisma.SongWhereInput = {
      ...(search && { searchText: { contains: search } }),
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

  /** Deletes these songs; their predictions and audit logs go with them (ON DELETE CASCADE). */
  deleteWhere(where: Prisma.SongWhereInput): Promise<{ count: number }> {
    return this.prisma.song.deleteMany({ where });
  }
}
