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
/** Per query word, the vocabulary words that satisfy it, or 'common' when it only filters (see wordMatches). */
type WordMatches = Array<string[] | 'common'>;
/** Runs one statement of a search, in its transaction. */
type Run = <T extends object = object>(sql: string, values?: unknown[]) => Promise<T[]>;

/** Match names by rank: the phrase, or every word, counts as "contains". */
const MATCH_BY_RANK = ['exact', 'prefix', 'contains', 'contains'] as const;
/**
 * More vocabulary words than this hold a query word: the word is common (a short fragment),
 * so it filters the songs walked in popularity order instead of widening the index lookup.
 */
const MAX_WORD_MATCHES = 200;
/** A query word in more songs than this share is common: see wordMatches. */
const COMMON_SHARE = 0.05;
/** How long the words' shares (wordShares) are reused. */
const SHARES_MAX_AGE_MS = 60_000;
/** Characters of search_text, search_artists and search_title the btree indexes hold (an entry's size is limited). */
const PREFIX_INDEX_CHARS = 256;
/** Prefix matches fetched before deciding how to rank them (see ranked). */
const FEW_CANDIDATES = 1000;
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
  private shares?: { readAt: number; byWord: Map<string, number> };

  constructor(private readonly prisma: PrismaService) {}

  async search(q: string, limit: number): Promise<SearchHitDto[]> {
    const client = await this.prisma.pool.connect();
    try {
      const run: Run = async (sql, values) => (await client.query(sql, values)).rows;
      const words = [...new Set(q.split(' '))];
      const matches = await this.wordMatches(run, words);
      if (matches.every((match) => match.length > 0)) {
        const ranked = await this.ranked(run, q, words, matches, limit);
        if (ranked.length > 0) return ranked.map(({ rank, ...song }) => ({ ...song, match: MATCH_BY_RANK[rank]! }));
      }
      return await this.fuzzy(run, q, words, matches, limit);
    } finally {
      client.release();
    }
  }

  /**
   * Per query word, the vocabulary words containing it. A word in more than COMMON_SHARE of the
   * songs ("the", by wordShares) filters rows instead of joining the index lookup, whose cost is
   * its posting list (600,000 songs at 1,000,000): the rarest word always stays in the lookup.
   */
  private async wordMatches(run: Run, words: string[]): Promise<WordMatches> {
    const params = new SqlParams();
    const lists = words.map(
      (word, i) => `ARRAY(SELECT word FROM search_words WHERE word LIKE ${params.add(`%${likeLiteral(word)}%`)} LIMIT ${MAX_WORD_MATCHES + 1}) AS "${i}"`,
    );
    const [rows, shareOf] = await Promise.all([run<Record<string, string[]>>(`SELECT ${lists.join(', ')}`, params.values), this.wordShares(run)]);
    const found = words.map((_, i) => rows[0]![String(i)]!);
    const shares = found.map((list) => list.reduce((sum, word) => sum + (shareOf.get(word) ?? 0), 0));
    const rarest = shares.indexOf(Math.min(...shares));
    return found.map((list, i) => (list.length > MAX_WORD_MATCHES || (i !== rarest && shares[i]! > COMMON_SHARE) ? 'common' : list));
  }

  /**
   * The share of the songs holding each of the most common words, from the words index's
   * statistics (pg_stats, as of the last ANALYZE), read again once a minute: the statistics only
   * steer the plan, never the results.
   */
  private async wordShares(run: Run): Promise<Map<string, number>> {
    if (this.shares && Date.now() - this.shares.readAt < SHARES_MAX_AGE_MS) return this.shares.byWord;
    const rows = await run<{ word: string; share: number }>(
      `SELECT e.word, e.share FROM pg_stats s, unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) AS e(word, share)
       WHERE s.schemaname = current_schema() AND s.tablename = 'songs_words_search_idx' AND e.word IS NOT NULL`,
    );
    this.shares = { readAt: Date.now(), byWord: new Map(rows.map((row) => [row.word, row.share])) };
    return this.shares.byWord;
  }

  /**
   * The songs holding every query word, best rank first. One statement: each rank's first
   * songs by popularity, a rank run only while the ones before it have fewer than `limit`.
   * The ranks nest (an exact match is a prefix match, which contains the phrase), so the first
   * `limit` songs of each rank are enough to rank them all.
   */
  private async ranked(run: Run, q: string, words: string[], matches: WordMatches, limit: number): Promise<Ranked[]> {
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
    // Prefix matches: up to FEW_CANDIDATES of them through the prefix indexes, sorted when that
    // is all of them; else they are common, and the first in popularity order come soon (CASE
    // hides the condition from the indexes and the row estimate, so that is the plan). The
    // planner's own estimate is too coarse for this: a histogram bucket, 1% of the songs for
    // "endless letters%", which has 20, so it walked 77,000 songs in popularity order.
    const capped = (name: string, gate: string, condition: string) => {
      const few = `(SELECT count(*) FROM ${name}_found) < ${FEW_CANDIDATES}`;
      return [
        `${name}_found AS MATERIALIZED (SELECT id, popularity FROM songs WHERE ${gate} (${condition}) LIMIT ${FEW_CANDIDATES})`,
        `${name} AS MATERIALIZED (
          (SELECT id FROM ${name}_found WHERE ${few} ORDER BY ${BY_POPULARITY} LIMIT ${n})
          UNION ALL
          (SELECT id FROM songs WHERE ${gate} NOT ${few} AND CASE WHEN ${condition} THEN true END ORDER BY ${BY_POPULARITY} LIMIT ${n}))`,
      ];
    };
    // Each exact value's songs are in popularity order in its index: the first `limit` of each, merged.
    const exactly = (column: string) => `(SELECT id FROM songs WHERE ${equal(column)} ORDER BY ${BY_POPULARITY} LIMIT ${n})`;
    const ctes = [
      `exact AS MATERIALIZED (SELECT DISTINCT id FROM (${['search_artists', 'search_text', 'search_title'].map(exactly).join(' UNION ALL ')}) exact)`,
      ...capped('prefix', `${unfilled('exact')} AND`, `${startsWith('search_text')} OR ${startsWith('search_artists')}`),
      ...(words.length > 1 ? [firstByPopularity('phrase', `${unfilled('exact', 'prefix')} AND ${everyWord} AND strpos(search_text, ${query}) > 0`)] : []),
      firstByPopularity('every_word', `${unfilled('exact', 'prefix', ...(words.length > 1 ? ['phrase'] : []))} AND ${everyWord}`),
    ];
    const hits = [
      'SELECT id, 0 AS rank FROM exact',
      'SELECT id, 1 FROM prefix',
      ...(words.length > 1 ? ['SELECT id, 2 FROM phrase', 'SELECT id, 3 FROM every_word'] : ['SELECT id, 2 FROM every_word']),
    ];
    return run<Ranked>(
      `WITH ${ctes.join(',\n')}
       SELECT ${columns(params)}, best.rank
       FROM (SELECT id, min(rank) AS rank FROM (${hits.join(' UNION ALL ')}) hits GROUP BY id) best JOIN songs USING (id)
       ORDER BY best.rank, ${BY_POPULARITY} LIMIT ${n}`,
      params.values,
    );
  }

  /**
   * Near misses for queries with a typo. Each query word found in no song is corrected to its
   * closest vocabulary word one slip away (exact lookups of its variants, not a similarity scan
   * of every song), and the corrected query is ranked like any other (exact > prefix > contains).
   * When that finds nothing, the songs holding a word within one slip of every query word are
   * re-ranked by typo distance; only then does the slower trigram similarity look farther.
   */
  private async fuzzy(run: Run, q: string, words: string[], matches: WordMatches, limit: number): Promise<SearchHitDto[]> {
    const corrections = await this.corrections(run, words);
    const fuzzy = (songs: Song[]) => songs.slice(0, limit).map((song) => ({ ...song, match: 'fuzzy' }));

    const corrected = words.map((word, i) => (matches[i]!.length > 0 ? word : closest(word, corrections[i]!)));
    if (corrected.every((word) => word !== undefined) && corrected.some((word, i) => word !== words[i])) {
      const correctedWords = [...new Set(corrected as string[])];
      const hits = await this.ranked(run, correctedWords.join(' '), correctedWords, await this.wordMatches(run, correctedWords), limit);
      if (hits.length > 0) return fuzzy(hits.map(({ rank: _rank, ...song }) => song));
    }

    const candidates = matches.map((match, i) => (match === 'common' ? match : [...match, ...corrections[i]!].slice(0, MAX_WORD_MATCHES)));
    if (candidates.every((candidate) => candidate.length > 0)) {
      const params = new SqlParams();
      const query = params.add(q);
      const everyWord = candidates
        .map((candidate, i) => (candidate === 'common' ? `strpos(search_text, ${params.add(words[i])}) > 0` : `${SONG_WORDS} && ${params.add(candidate)}::text[]`))
        .join(' AND ');
      const songs = await run<FuzzyCandidate>(
        `SELECT ${columns(params)}, search_text, word_similarity(${query}, search_text) AS similarity
         FROM songs WHERE ${everyWord} ORDER BY ${BY_POPULARITY} LIMIT ${FUZZY_CANDIDATES}`,
        params.values,
      );
      if (songs.length > 0) return fuzzy(withoutScoring(rankByTypos(q, songs)));
    }
    return fuzzy(withoutScoring(await this.similar(run, q)));
  }

  /** Per query word, the vocabulary words one slip away from it. */
  private async corrections(run: Run, words: string[]): Promise<string[][]> {
    const params = new SqlParams();
    const lists = words.map((word, i) => {
      const variants = word.length >= MIN_CORRECTED_LENGTH ? oneSlipVariants(word) : [];
      return `ARRAY(SELECT word FROM search_words WHERE word = ANY(${params.add(variants)}::text[])) AS "${i}"`;
    });
    const rows = await run<Record<string, string[]>>(`SELECT ${lists.join(', ')}`, params.values);
    return words.map((_, i) => rows[0]![String(i)]!);
  }

  /**
   * The last resort for farther misses: pg_trgm's word similarity of the whole query. Candidates
   * as similar as pg_trgm's default (0.6) first; the looser ones too when none of those is within
   * one slip, since a slip in a short word ("beatels") shares few trigrams with the right one.
   */
  private async similar(run: Run, q: string): Promise<FuzzyCandidate[]> {
    // The planner misjudges the similarity operator's rows and would read every song.
    await run(`BEGIN READ ONLY; SET LOCAL enable_seqscan = off; SET LOCAL pg_trgm.word_similarity_threshold = ${LOOSE_SIMILARITY}`);
    const params = new SqlParams();
    const query = params.add(q);
    // search_text %> q, not q <% search_text: the form the planner matches to the trigram index.
    const rows = await run<FuzzyCandidate>(
      `SELECT ${columns(params)}, search_text, word_similarity(${query}, search_text) AS similarity
       FROM songs WHERE search_text %> ${query}
       ORDER BY similarity DESC, ${BY_POPULARITY} LIMIT ${FUZZY_CANDIDATES}`,
      params.values,
    ).finally(() => run('COMMIT'));
    const strict = rankByTypos(q, rows.filter((row) => row.similarity >= STRICT_SIMILARITY));
    return strict.length > 0 && typoScore(q, strict[0]!.search_text) >= ONE_SLIP_SCORE ? strict : rankByTypos(q, rows);
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
