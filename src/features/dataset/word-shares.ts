import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../platform/database/prisma.service.js';

/** The share of the songs holding each of the most common words, the least common one's, and the songs' count (when known). */
export type WordStatistics = { readAt: number; byWord: Map<string, number>; leastShare: number; songs?: number };

/** How long the words' shares are reused. */
const SHARES_MAX_AGE_MS = 60_000;

/**
 * The share of the songs holding each of the most common words, from the words index's
 * statistics (pg_stats, as of the last ANALYZE), and the songs' count, read again once a
 * minute: the statistics only steer how songs are read, never which.
 */
@Injectable()
export class WordShares {
  private statistics?: WordStatistics;

  constructor(private readonly prisma: PrismaService) {}

  async current(): Promise<WordStatistics> {
    if (this.statistics && Date.now() - this.statistics.readAt < SHARES_MAX_AGE_MS) return this.statistics;
    // most_common_elem_freqs ends with the least and greatest frequency and that of nulls.
    const { rows } = await this.prisma.pool.query<{ songs: number; words: string[] | null; shares: number[] | null }>(
      `SELECT c.reltuples::float8 AS songs, s.most_common_elems::text::text[] AS words, s.most_common_elem_freqs::float8[] AS shares
       FROM pg_class c LEFT JOIN pg_stats s ON s.schemaname = current_schema() AND s.tablename = 'songs_words_search_idx'
       WHERE c.oid = 'songs'::regclass`,
    );
    const row = rows[0];
    const words = row?.words ?? [];
    const shares = row?.shares ?? [];
    this.statistics = {
      readAt: Date.now(),
      byWord: new Map(words.map((word, i) => [word, shares[i]!])),
      leastShare: shares[words.length] ?? 0,
      // reltuples is -1 until the first ANALYZE.
      songs: row && row.songs >= 0 ? row.songs : undefined,
    };
    return this.statistics;
  }
}

/**
 * The share of the songs holding any of `words` as the planner would guess it (at most 1): the sum
 * of their shares, a word below the statistics' least common one at half its share.
 */
export function estimatedShare(statistics: WordStatistics, words: string[]): number {
  return Math.min(
    1,
    words.reduce((sum, word) => sum + (statistics.byWord.get(word) ?? statistics.leastShare / 2), 0),
  );
}
