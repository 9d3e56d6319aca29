import { Injectable } from '@nestjs/common';
import { likeLiteral } from '../database/like-literal.js';
import { PrismaService } from '../database/prisma.service.js';
import { DEMO_DATASET } from './demo/demo-mark.js';
import type { SearchHitDto } from './dto/song-search.dto.js';
import { oneSlipVariants, typoDistance, typoScore } from './fuzzy-score.js';
import { SqlParams } from './sql-params.js';

type Song = Omit<SearchHitDto, 'match'>;
type Ranked = Song & { rank: number };
type FuzzyCandidate = Song & { search_text: string; similarity: number };
/** Per query word, the vocabulary words that satisfy it, or 'common' when too many to list. */
type WordMatches = Array<string[] | 'common'>;

/** Match names by rank: the phrase, or every word, counts as "contains". */
const MATCH_BY_RANK = ['exact', 'prefix', 'contains', 'contains'] as const;
/**
 * More vocabulary words than this hold a query word: the word is common (a short fragment),
 * so it filters the songs walked in popularity order instead of widening the index lookup.
 */
const MAX_WORD_MATCHES = 200;
/** Characters of search_text, search_artists and search_title the btree indexes hold (an entry's size is limited). */
const PREFIX_INDEX_CHARS = 256;
/**
 * Songs starting with the query read in the prefix index's order before deciding: fewer, and
 * they are sorted by popularity; more, and the prefix is common enough to walk the songs in
 * popularity order until the first ones holding it.
 */
const PREFIX_CANDIDATES = 1000;
/** Query words this short are not corrected: one slip away from a two-letter word is half the vocabulary. */
const MIN_CORRECTED_LENGTH = 3;
/** Fuzzy candidates fetched, to re-rank by typo distance. */
const FUZZY_CANDIDATES = 100;
/** pg_trgm word similarities of the last-resort fuzzy match: the default, then a looser one. */
const STRICT_SIMILARITY = 0.6;
const LOOSE_SIMILARITY = 0.45;
/** A typo score this high means every query word is within about one slip of a song's word. */
const ONE_SLIP_SCORE = 0.9;

/** The words of a song as the words index and the vocabulary hold them (migration dataset_search). */
const SONG_WORDS = 'song_search_words(search_text)';
const BY_POPULARITY = 'popularity DESC NULLS LAST, id';

const columns = (params: SqlParams) => `id, track_id, track_name, artists, album_name, album_image, preview_url, duration_ms, explicit,
  popularity, is_hit, track_genre, decade, source::text AS source, dataset, dataset IS NOT DISTINCT FROM ${params.add(DEMO_DATASET)} AS demo`;

/**
 * The dataset search (POST /api/dataset/search/): accent- and case-insensitive, every query
 * word found anywhere in the title or artists, ranked exact > prefix > contains, then by
 * popularity; near misses of a typo when nothing matches.
 *
 * Where the time goes at scale: every word is common in a large catalogue, so the rows holding
 * a word are many. Each query word is first looked up in the vocabulary (search_words: every
 * word of every song), which turns "contains the fragment" into a list of whole words for the
 * words index (GIN on each song's words). Each rank is then the first songs of one small query
 * in popularity order, which PostgreSQL either reads off the popularity index (common words)
 * or sorts from the words index (rare ones), and a rank is skipped once the ones before it fill
 * the page.
 */
@Injectable()
export class SongSearchService {
  constructor(private readonly prisma: PrismaService) {}

  async search(q: string, limit: number): Promise<SearchHitDto[]> {
    const words = [...new Set(q.split(' '))];
    const matches = await this.wordMatches(words);
    if (matches.every((match) => match.length > 0)) {
      const ranked = await this.ranked(q, words, matches, limit);
      if (ranked.length > 0) return ranked.map(({ rank, ...song }) => ({ ...song, match: MATCH_BY_RANK[rank]! }));
    }
    return this.fuzzy(q, words, matches, limit);
  }

  /** Per query word, the vocabulary words containing it. */
  private async wordMatches(words: string[]): Promise<WordMatches> {
    const params = new SqlParams();
    const lists = words.map(
      (word, i) => `ARRAY(SELECT word FROM search_words WHERE word LIKE ${params.add(`%${likeLiteral(word)}%`)} LIMIT ${MAX_WORD_MATCHES + 1}) AS "${i}"`,
    );
    const { rows } = await this.prisma.pool.query<Record<string, string[]>>(`SELECT ${lists.join(', ')}`, params.values);
    return words.map((_, i) => {
      const found = rows[0]![String(i)]!;
      return found.length > MAX_WORD_MATCHES ? 'common' : found;
    });
  }

  /**
   * The songs holding every query word, best rank first. One statement: each rank's first
   * songs by popularity, a rank run only while the ones before it have fewer than `limit`.
   * The ranks nest (an exact match is a prefix match, which contains the phrase), so the first
   * `limit` songs of each rank are enough to rank them all.
   */
  private async ranked(q: string, words: string[], matches: WordMatches, limit: number): Promise<Ranked[]> {
    const params = new SqlParams();
    const n = params.add(limit);
    const indexed = params.add(q.slice(0, PREFIX_INDEX_CHARS));
    const prefix = params.add(`${likeLiteral(q.slice(0, PREFIX_INDEX_CHARS))}%`);
    // Beyond the indexed characters, the index narrows and the full comparison decides.
    const long = q.length >= PREFIX_INDEX_CHARS;
    const query = long || words.length > 1 ? params.add(q) : '';
    const fullPrefix = long ? params.add(`${likeLiteral(q)}%`) : '';
    const equal = (column: string) => `(left(${column}, ${PREFIX_INDEX_CHARS}) = ${indexed}${long ? ` AND ${column} = ${query}` : ''})`;
    const startsWith = (column: string) => `(left(${column}, ${PREFIX_INDEX_CHARS}) LIKE ${prefix}${long ? ` AND ${column} LIKE ${fullPrefix}` : ''})`;
    const everyWord = matches
      .map((match, i) => (match === 'common' ? `strpos(search_text, ${params.add(words[i])}) > 0` : `${SONG_WORDS} && ${params.add(match)}::text[]`))
      .join(' AND ');

    const firstByPopularity = (name: string, condition: string) =>
      `${name} AS MATERIALIZED (SELECT id FROM songs WHERE ${condition} ORDER BY ${BY_POPULARITY} LIMIT ${n})`;
    const unfilled = (...tiers: string[]) => tiers.map((tier) => `(SELECT count(*) FROM ${tier}) < ${n}`).join(' AND ');
    // A leading prefix's songs, up to PREFIX_CANDIDATES, from the prefix index: the planner's
    // estimate of a prefix's rows is too coarse (a histogram bucket) to choose the plan by.
    const prefixed = (name: string, column: string) =>
      `${name} AS MATERIALIZED (SELECT id, popularity FROM songs WHERE ${unfilled('exact')} AND ${startsWith(column)} LIMIT ${PREFIX_CANDIDATES})`;
    const few = (tier: string) => `(SELECT count(*) FROM ${tier}) < ${PREFIX_CANDIDATES}`;
    const ctes = [
      firstByPopularity('exact', `${equal('search_artists')} OR ${equal('search_text')} OR ${equal('search_title')}`),
      prefixed('title_prefixed', 'search_text'),
      prefixed('artists_prefixed', 'search_artists'),
      // All of them when few; else they are common, and the first in popularity order come soon
      // (CASE hides the condition from the indexes and from the row estimate, so that is the plan).
      `prefix AS MATERIALIZED (
        (SELECT id FROM (SELECT * FROM title_prefixed UNION SELECT * FROM artists_prefixed) found
         WHERE ${few('title_prefixed')} AND ${few('artists_prefixed')} ORDER BY ${BY_POPULARITY} LIMIT ${n})
        UNION ALL
        (SELECT id FROM songs WHERE ${unfilled('exact')} AND NOT (${few('title_prefixed')} AND ${few('artists_prefixed')})
           AND CASE WHEN ${startsWith('search_text')} OR ${startsWith('search_artists')} THEN true END
         ORDER BY ${BY_POPULARITY} LIMIT ${n}))`,
      ...(words.length > 1 ? [firstByPopularity('phrase', `${unfilled('exact', 'prefix')} AND ${everyWord} AND strpos(search_text, ${query}) > 0`)] : []),
      firstByPopularity('every_word', `${unfilled('exact', 'prefix', ...(words.length > 1 ? ['phrase'] : []))} AND ${everyWord}`),
    ];
    const hits = [
      'SELECT id, 0 AS rank FROM exact',
      'SELECT id, 1 FROM prefix',
      ...(words.length > 1 ? ['SELECT id, 2 FROM phrase', 'SELECT id, 3 FROM every_word'] : ['SELECT id, 2 FROM every_word']),
    ];
    return this.withoutSeqScans<Ranked>(
      `WITH ${ctes.join(',\n')}
       SELECT ${columns(params)}, best.rank
       FROM (SELECT id, min(rank) AS rank FROM (${hits.join(' UNION ALL ')}) hits GROUP BY id) best JOIN songs USING (id)
       ORDER BY best.rank, ${BY_POPULARITY} LIMIT ${n}`,
      params.values,
    );
  }

  /**
   * Runs a search statement with sequential scans of songs ruled out: each of its scans reads a
   * bounded number of rows through an index, while a misjudged row estimate (common words that
   * rarely meet) could otherwise have PostgreSQL read the whole table for a handful of songs.
   */
  private async withoutSeqScans<T extends object>(sql: string, values: unknown[]): Promise<T[]> {
    const client = await this.prisma.pool.connect();
    try {
      await client.query('BEGIN READ ONLY; SET LOCAL enable_seqscan = off');
      const { rows } = await client.query<T>(sql, values);
      await client.query('COMMIT');
      return rows;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /**
   * Near misses for queries with a typo. Each query word found in no song is corrected to its
   * closest vocabulary word one slip away (exact lookups of its variants, not a similarity scan
   * of every song), and the corrected query is ranked like any other (exact > prefix > contains).
   * When that finds nothing, the songs holding a word within one slip of every query word are
   * re-ranked by typo distance; only then does the slower trigram similarity look farther.
   */
  private async fuzzy(q: string, words: string[], matches: WordMatches, limit: number): Promise<SearchHitDto[]> {
    const corrections = await this.corrections(words);
    const fuzzy = (songs: Song[]) => songs.slice(0, limit).map((song) => ({ ...song, match: 'fuzzy' }));

    const corrected = words.map((word, i) => (matches[i]!.length > 0 ? word : closest(word, corrections[i]!)));
    if (corrected.every((word) => word !== undefined) && corrected.some((word, i) => word !== words[i])) {
      const correctedWords = [...new Set(corrected as string[])];
      const hits = await this.ranked(correctedWords.join(' '), correctedWords, await this.wordMatches(correctedWords), limit);
      if (hits.length > 0) return fuzzy(hits.map(({ rank: _rank, ...song }) => song));
    }

    const candidates = matches.map((match, i) => (match === 'common' ? match : [...match, ...corrections[i]!].slice(0, MAX_WORD_MATCHES)));
    if (candidates.every((candidate) => candidate.length > 0)) {
      const params = new SqlParams();
      const query = params.add(q);
      const everyWord = candidates
        .map((candidate, i) => (candidate === 'common' ? `strpos(search_text, ${params.add(words[i])}) > 0` : `${SONG_WORDS} && ${params.add(candidate)}::text[]`))
        .join(' AND ');
      const songs = await this.withoutSeqScans<FuzzyCandidate>(
        `SELECT ${columns(params)}, search_text, word_similarity(${query}, search_text) AS similarity
         FROM songs WHERE ${everyWord} ORDER BY ${BY_POPULARITY} LIMIT ${FUZZY_CANDIDATES}`,
        params.values,
      );
      if (songs.length > 0) return fuzzy(withoutScoring(rankByTypos(q, songs)));
    }
    return fuzzy(withoutScoring(await this.similar(q)));
  }

  /** Per query word, the vocabulary words one slip away from it. */
  private async corrections(words: string[]): Promise<string[][]> {
    const params = new SqlParams();
    const lists = words.map((word, i) => {
      const variants = word.length >= MIN_CORRECTED_LENGTH ? oneSlipVariants(word) : [];
      return `ARRAY(SELECT word FROM search_words WHERE word = ANY(${params.add(variants)}::text[])) AS "${i}"`;
    });
    const { rows } = await this.prisma.pool.query<Record<string, string[]>>(`SELECT ${lists.join(', ')}`, params.values);
    return words.map((_, i) => rows[0]![String(i)]!);
  }

  /**
   * The last resort for farther misses: pg_trgm's word similarity of the whole query. Candidates
   * as similar as pg_trgm's default (0.6) first; the looser ones too when none of those is within
   * one slip, since a slip in a short word ("beatels") shares few trigrams with the right one.
   */
  private async similar(q: string): Promise<FuzzyCandidate[]> {
    const client = await this.prisma.pool.connect();
    try {
      await client.query(`BEGIN; SET LOCAL pg_trgm.word_similarity_threshold = ${LOOSE_SIMILARITY}`);
      const params = new SqlParams();
      const query = params.add(q);
      // search_text %> q, not q <% search_text: the form the planner matches to the trigram index.
      const { rows } = await client.query<FuzzyCandidate>(
        `SELECT ${columns(params)}, search_text, word_similarity(${query}, search_text) AS similarity
         FROM songs WHERE search_text %> ${query}
         ORDER BY similarity DESC, ${BY_POPULARITY} LIMIT ${FUZZY_CANDIDATES}`,
        params.values,
      );
      await client.query('COMMIT');
      const strict = rankByTypos(q, rows.filter((row) => row.similarity >= STRICT_SIMILARITY));
      return strict.length > 0 && typoScore(q, strict[0]!.search_text) >= ONE_SLIP_SCORE ? strict : rankByTypos(q, rows);
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}

/** The correction closest to a word by typo distance (the first in vocabulary order on a tie), if any. */
function closest(word: string, corrections: string[]): string | undefined {
  return [...corrections].sort((a, b) => typoDistance(word, a) - typoDistance(word, b) || a.localeCompare(b))[0];
}

const withoutScoring = (candidates: FuzzyCandidate[]): Song[] => candidates.map(({ search_text: _text, similarity: _similarity, ...song }) => song);

/** Best typo score first, then the more popular song, then the closer trigram similarity. */
function rankByTypos(q: string, candidates: FuzzyCandidate[]): FuzzyCandidate[] {
  return candidates
    .map((song) => ({ song, score: typoScore(q, song.search_text) }))
    .sort((a, b) => b.score - a.score || (b.song.popularity ?? -1) - (a.song.popularity ?? -1) || b.song.similarity - a.song.similarity)
    .map(({ song }) => song);
}
