import { Injectable, Logger } from '@nestjs/common';
import type { PageQueryDto } from '../../../platform/common/http/query.js';
import { PrismaService } from '../../../platform/database/prisma.service.js';
import { addDays, utcDay } from '../ingestion/metric-rows.js';
import { FIRST_WEEK_DAYS, firstWeekDaysObserved, firstWeekOver, median, releaseScore } from './release-score.js';
import type { ReleaseScoreDto } from './release-scores.dto.js';

/** Songs released on one of this many days (today included) are scored by each run. */
export const RELEASE_SCORE_DAYS = 56;

interface FirstWeek {
  songId: string;
  artistId: string;
  releaseDate: string;
  plays: number;
  likes: number;
}

/**
 * Release scores (release-score.ts) of recent public catalog songs, from song_plays and song_likes,
 * stored in release_scores (one row per song, replaced by every run until the song is older than
 * RELEASE_SCORE_DAYS; then its last score stays).
 */
@Injectable()
export class ReleaseScoresService {
  private readonly logger = new Logger('ReleaseScores');

  constructor(private readonly prisma: PrismaService) {}

  async scoreRecentReleases(now = new Date()): Promise<{ songs: number; artists: number }> {
    const today = utcDay(now);
    const since = addDays(today, -(RELEASE_SCORE_DAYS - 1));
    // Every public release up to today of the artists with a recent one: the earlier ones are their baseline.
    const releases = await this.prisma.$queryRaw<FirstWeek[]>`
      WITH songs AS (
        SELECT s.id, s.artist_id, s.release_date,
               (s.release_date::timestamp AT TIME ZONE 'UTC') AS starts,
               ((s.release_date + ${FIRST_WEEK_DAYS}::int)::timestamp AT TIME ZONE 'UTC') AS ends
        FROM catalog_songs s
        WHERE s.visibility = 'public' AND s.release_date <= ${today}::date
          AND s.artist_id IN (SELECT artist_id FROM catalog_songs WHERE visibility = 'public' AND release_date BETWEEN ${since}::date AND ${today}::date)
      )
      SELECT s.id AS "songId", s.artist_id AS "artistId", to_char(s.release_date, 'YYYY-MM-DD') AS "releaseDate",
             (SELECT count(*) FROM song_plays p WHERE p.song_id = s.id AND p.played_at >= s.starts AND p.played_at < s.ends)::int AS plays,
             (SELECT count(*) FROM song_likes l WHERE l.song_id = s.id AND l.created_at >= s.starts AND l.created_at < s.ends)::int AS likes
      FROM songs s`;
    const recent = releases.filter((release) => release.releaseDate >= since);
    const scores = recent.map((release) => {
      const earlier = releases.filter(
        (other) => other.artistId === release.artistId && other.releaseDate < release.releaseDate && firstWeekOver(other.releaseDate, now),
      );
      const score = releaseScore({
        plays: release.plays,
        likes: release.likes,
        daysObserved: firstWeekDaysObserved(release.releaseDate, now),
        artistMedianPlays: median(earlier.map((other) => other.plays)),
      });
      return {
        song_id: release.songId,
        artist_id: release.artistId,
        plays: release.plays,
        likes: release.likes,
        relative_to_artist: score.relative_to_artist,
        score: score.score,
      };
    });
    await this.prisma.$executeRaw`
      INSERT INTO release_scores (song_id, artist_id, plays, likes, relative_to_artist, score, computed_at)
      SELECT i.song_id, i.artist_id, i.plays, i.likes, i.relative_to_artist, i.score, ${now}::timestamptz
      FROM jsonb_to_recordset(${JSON.stringify(scores)}::jsonb) AS i(song_id uuid, artist_id uuid, plays int, likes int, relative_to_artist float8, score float8)
      ON CONFLICT (song_id) DO UPDATE SET artist_id = EXCLUDED.artist_id, plays = EXCLUDED.plays, likes = EXCLUDED.likes,
        relative_to_artist = EXCLUDED.relative_to_artist, score = EXCLUDED.score, computed_at = EXCLUDED.computed_at`;
    const artists = new Set(recent.map((release) => release.artistId)).size;
    this.logger.log(`Scored ${scores.length} release(s) of ${artists} artist(s) released since ${since}`);
    return { songs: scores.length, artists };
  }

  /** The artist's scored releases, newest release first. */
  async list(artistId: string, query: PageQueryDto): Promise<{ count: number; page: number; page_size: number; results: ReleaseScoreDto[] }> {
    const where = { artistId };
    const [count, rows] = await this.prisma.$transaction([
      this.prisma.releaseScore.count({ where }),
      this.prisma.releaseScore.findMany({
        where,
        include: { song: { select: { title: true, releaseDate: true } } },
        orderBy: [{ song: { releaseDate: 'desc' } }, { song: { title: 'asc' } }, { songId: 'asc' }],
        skip: (query.page - 1) * query.page_size,
        take: query.page_size,
      }),
    ]);
    const results = rows.map((row): ReleaseScoreDto => {
      const releaseDate = row.song.releaseDate ? utcDay(row.song.releaseDate) : '';
      return {
        song_id: row.songId,
        title: row.song.title,
        release_date: releaseDate,
        plays: row.plays,
        likes: row.likes,
        relative_to_artist: row.relativeToArtist,
        score: row.score,
        first_week_complete: releaseDate !== '' && firstWeekOver(releaseDate, row.computedAt),
        computed_at: row.computedAt,
      };
    });
    return { count, page: query.page, page_size: query.page_size, results };
  }
}
