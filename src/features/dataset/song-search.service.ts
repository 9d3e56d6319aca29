import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import type pg from 'pg';
import { AppConfig } from '../../platform/config/app-config.js';
import { CoalescingWriter } from '../../platform/database/coalescing-writer.js';
import { likeLiteral } from '../../platform/database/like-literal.js';
import { statementName } from '../../platform/database/prepared-query.js';
import { PrismaService } from '../../platform/database/prisma.service.js';
import { VersionedCache } from '../../platform/database/versioned-cache.js';
import { DATASET_VERSION } from './dataset-version.js';
import { DEMO_DATASET } from './demo/demo-mark.js';
import type { SearchHitDto, SongSearchResultDto } from './dto/song-search.dto.js';
import { oneSlipVariants, typoDistance, typoScore } from '../../platform/common/fuzzy-score.js';
import { prefixUpperBound } from './prefix-bound.js';
import { searchPool } from './search-pool.js';
import { SqlParams } from './sql-params.js';
import { estimatedShare, WordShares } from './word-shares.js';
import { containingPattern } from './substring-words.js';
import { MAX_WORD_MATCHES, vocabularyMatches } from './vocabulary-lookup.js';

type Song = Omit<SearchHitDto, 'match'>;
type Ranked = Song & { rank: number };
type FuzzyCandidate = Song & { search_text: string; similarity: number };
/** Per query word, the vocabulary words that satisfy it, or 'common' when it only filters (see wordMatches). */
type WordMatches = Array<string[] | 'common'>;
/**
 * The query words' matches, how many songs hold every word by the words index's statistics (when
 * known), and the songs' version when the lookup read it (see DATASET_VERSION).
 */
type WordLookup = { matches: WordMatches; holdingEveryWord?: number; version?: string };
/** Runs one statement of a search, in its transaction. */
type Run = <T extends object = object>(sql: string, values?: unknown[]) => Promise<T[]>;

/** Match names by rank: the phrase, or every word, counts as "contains". */
const MATCH_BY_RANK = ['exact', 'prefix', 'contains', 'contains'] as const;
/** A query word in more songs than this share is common: see wordMatches. */
const COMMON_SHARE = 0.05;
/** Characters of search_text, search_artists and search_title the btree indexes hold (an entry's size is limited). */
const PREFIX_INDEX_CHARS = 256;
/** Prefix matches fetched before deciding how to rank them (see ranked). */
const FEW_CANDIDATES = 1000;
/**
 * Songs holding every query word, by the statistics' estimate, from which a rank walks the
 * popularity index instead of fetching them through the words index first (see ranked).
 */
const WALK_FROM_SONGS = 4 * FEW_CANDIDATES;
/** Query words this short are not corrected: one slip away from a two-letter word is half the vocabulary. */
const MIN_CORRECTED_LENGTH = 3;
/** Fuzzy candidates fetched, to re-rank by typo distance. */
const FUZZY_CANDIDATES = 100;
/** Vocabulary words taken per query word as like it, for the last-resort fuzzy match (see similar). */
const SIMILAR_WORDS = 10;
/** pg_trgm word similarities of the last-resort fuzzy match: the default, then a looser one. */
const STRICT_SIMILARITY = 0.6;
const LOOSE_SIMILARITY = 0.45;
/**
 * How like a query word a vocabulary word must be to stand for it in the last resort: below the
 * whole query's threshold, since the words around it add to a song's similarity.
 */
const LIKE_WORD_SIMILARITY = 0.3;
/** A typo score this high means every query word is within about one slip of a song's word. */
const ONE_SLIP_SCORE = 0.9;

/** Most searches one version read answers (they all asked while the one before was in flight). */
const MAX_VERSION_READERS = 1000;

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
 * in popularity order, either read off the popularity index (common words) or sorted from the
 * words index (rare ones), and a rank is skipped once the ones before it fill the page. The
 * statements are prepared and planned once per connection (see searchPool), so their text, not
 * the planner, chooses between those reads.
 *
 * Answers are kept by query and limit with the songs' version they were read at, and given again
 * while that is still the version (docs/benchmarks.md, "Dataset search over HTTP: answers kept by
 * the songs' version"): a search asked again costs one small statement, shared by the searches
 * that wait for it, instead of two to five. The songs are the only table an answer depends on (the
 * vocabulary follows them; the statistics steer the plan, never the results).
 */
@Injectable()
export class SongSearchService implements OnModuleDestroy {
  private readonly pool: pg.Pool;
  /** Answers by query and limit, as JSON text; their size in characters of keys and text (DATASET_SEARCH_KEPT_MB). */
  private readonly answers: VersionedCache<string>;
  /**
   * The songs' version now. Searches asking while a read is in flight share the next one, which
   * starts after they asked: so a change committed before a search arrived is always seen.
   */
  private readonly versions = new CoalescingWriter<null, string>(async (searches) => {
    const sql = `SELECT ${DATASET_VERSION} AS version`;
    const { rows } = await this.pool.query<{ version: string }>({ name: statementName(sql), text: sql, values: [] });
    return searches.map(() => rows[0]!.version);
  }, MAX_VERSION_READERS);

  constructor(
    prisma: PrismaService,
    config: AppConfig,
    private readonly wordShares: WordShares,
  ) {
    this.pool = searchPool(prisma.pool);
    this.answers = new VersionedCache<string>(config.DATASET_SEARCH_KEPT_MB * 1_000_000, (key, body) => key.length + body.length);
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool.end().catch(() => undefined);
  }

  /** The songs matching `q` (normalized), best first. */
  async search(q: string, limit: number): Promise<SearchHitDto[]> {
    const answer = await this.answer(q, limit);
    return answer.hits ?? (JSON.parse(answer.body) as SongSearchResultDto).songs;
  }

  /** The same search as the answer's JSON text, `{"songs":[…]}`: what POST /api/dataset/search/ sends. */
  async searchBody(q: string, limit: number): Promise<string> {
    return (await this.answer(q, limit)).body;
  }

  /**
   * The answer kept for this query and limit when the songs have not changed since it was read (its
   * JSON text only: no stringify again), else a new one, then kept.
   */
  private async answer(q: string, limit: number): Promise<{ body: string; hits?: SearchHitDto[] }> {
    const key = `${limit} ${q}`;
    if (this.answers.has(key)) {
      const kept = this.answers.get(key, await this.versions.write(null));
      if (kept !== undefined) return { body: kept };
    }
    const { hits, version } = await this.find(q, limit);
    const body = JSON.stringify({ songs: hits } satisfies SongSearchResultDto);
    this.answers.set(key, version, body);
    return { body, hits };
  }

  /** The songs matching `q`, and the songs' version read in its first statement (its data is at least that new). */
  private async find(q: string, limit: number): Promise<{ hits: SearchHitDto[]; version: string }> {
    const client = await this.pool.connect();
    try {
      // Statements with values are named: each connection parses and plans one once (see searchPool).
      const run: Run = async (sql, values) => (await client.query(values ? { name: statementName(sql), text: sql, values } : sql)).rows;
      const words = [...new Set(q.split(' '))];
      const lookup = await this.wordMatches(run, words, true);
      const { matches } = lookup;
      const version = lookup.version!;
      if (matches.every((match) => match.length > 0)) {
        const ranked = await this.ranked(run, q, words, lookup, limit);
        if (ranked.length > 0) return { hits: ranked.map(({ rank, ...song }) => ({ ...song, match: MATCH_BY_RANK[rank]! })), version };
      }
      return { hits: await this.fuzzy(run, q, words, matches, limit), version };
    } finally {
      client.release();
    }
  }

  /**
   * Per query word, the vocabulary words containing it. A word in more than COMMON_SHARE of the
   * songs ("the", by WordShares) filters rows instead of joining the index lookup, whose cost is
   * its posting list (600,000 songs at 1,000,000): the rarest word always stays in the lookup.
   * More than MAX_WORD_MATCHES vocabulary words containing it make a word common too.
   * `withVersion`: also the songs' version, in the same snapshot (the search's first statement).
   */
  private async wordMatches(run: Run, words: string[], withVersion = false): Promise<WordLookup> {
    const params = new SqlParams();
    const lists = words.map((word, i) => `${vocabularyMatches(containingPattern(word), params)} AS "${i}"`);
    if (withVersion) lists.push(`${DATASET_VERSION} AS version`);
    const [rows, stats] = await Promise.all([
      run<Record<string, string[]> & { version?: string }>(`SELECT ${lists.join(', ')}`, params.values),
      this.wordShares.current(),
    ]);
    const found = words.map((_, i) => rows[0]![String(i)]!);
    const shares = found.map((list) => list.reduce((sum, word) => sum + (stats.byWord.get(word) ?? 0), 0));
    const rarest = shares.indexOf(Math.min(...shares));
    const matches = found.map((list, i) => (list.length > MAX_WORD_MATCHES || (i !== rarest && shares[i]! > COMMON_SHARE) ? 'common' : list));
    // As the planner would guess it: the words' shares multiplied, a word in too many vocabulary words in every song.
    const share = found.reduce((product, list) => product * (list.length > MAX_WORD_MATCHES ? 1 : estimatedShare(stats, list)), 1);
    return { matches, holdingEveryWord: stats.songs === undefined ? undefined : share * stats.songs, version: rows[0]!.version };
  }

  /**
   * Whether so many songs hold every query word (by wordMatches' estimate) that the first in
   * popularity order come soon: then the rank walks the popularity index, else it fetches the
   * songs through the words index first (see ranked). Unknown (no statistics yet): fetch, which
   * falls back on the walk when they are many.
   */
  private static manySongsHold(lookup: WordLookup): boolean {
    return lookup.matches.every((match) => match === 'common') || (lookup.holdingEveryWord ?? 0) >= WALK_FROM_SONGS;
  }

  /**
   * The songs holding every query word, best rank first. One statement: each rank's first
   * songs by popularity, a rank run only while the ones before it have fewer than `limit`.
   * The ranks nest (an exact match is a prefix match, which contains the phrase), so the first
   * `limit` songs of each rank are enough to rank them all.
   *
   * The statement runs prepared (named, see search), so PostgreSQL plans each shape once per
   * connection instead of every query (planning was two thirds of its time): its plan may not
   * depend on the values. So the prefix is a byte range (the LIKE stays as a filter), and how
   * the songs holding every word are read is chosen here, in the text, not by the planner.
   */
  private async ranked(run: Run, q: string, words: string[], lookup: WordLookup, limit: number): Promise<Ranked[]> {
    const { matches } = lookup;
    const params = new SqlParams();
    const n = params.add(limit);
    const indexedText = q.slice(0, PREFIX_INDEX_CHARS);
    const indexed = params.add(indexedText);
    const bound = prefixUpperBound(indexedText);
    const below = bound === undefined ? '' : params.add(bound);
    const prefix = bound === undefined ? params.add(`${likeLiteral(indexedText)}%`) : '';
    // Beyond the indexed characters, the index narrows and the full comparison decides.
    const long = q.length >= PREFIX_INDEX_CHARS;
    const query = long || words.length > 1 ? params.add(q) : '';
    const fullPrefix = long ? params.add(`${likeLiteral(q)}%`) : '';
    const equal = (column: string) => `(left(${column}, ${PREFIX_INDEX_CHARS}) = ${indexed}${long ? ` AND ${column} = ${query}` : ''})`;
    // The byte range is exactly the texts that start with the query (prefixUpperBound), so it
    // needs no LIKE beside it: the prefix index alone answers it, without reading the songs when
    // the visibility map allows.
    const startsWith = (column: string) => {
      const key = `left(${column}, ${PREFIX_INDEX_CHARS})`;
      const range = bound === undefined ? `${key} LIKE ${prefix}` : `${key} ~>=~ ${indexed} AND ${key} ~<~ ${below}`;
      return `(${range}${long ? ` AND ${column} LIKE ${fullPrefix}` : ''})`;
    };
    const everyWord = holdingEveryWord(params, words, matches);
    const inPhrase = `strpos(search_text, ${query}) > 0`;

    const unfilled = (...tiers: string[]) => tiers.map((tier) => `(SELECT count(*) FROM ${tier}) < ${n}`).join(' AND ');
    // The first songs in popularity order meeting a condition that CASE hides from the indexes
    // and the row estimate, so that the plan is the walk down the popularity index: quick when
    // the songs meeting it are many.
    const walk = (gate: string, condition: string) =>
      `(SELECT id FROM songs WHERE ${gate} AND CASE WHEN ${condition} THEN true END ORDER BY ${BY_POPULARITY} LIMIT ${n})`;
    // Up to FEW_CANDIDATES songs meeting a condition through its indexes; the rank's first
    // songs are those sorted when that is all of them, else the walk. The planner cannot tell
    // which from a prepared statement, nor well from the values: its estimate of a prefix is a
    // histogram bucket (1% of the songs for "endless letters%", which has 20, so it walked
    // 77,000 songs in popularity order).
    const few = (found: string) => `(SELECT count(*) FROM ${found}) < ${FEW_CANDIDATES}`;
    const found = (name: string, gate: string, condition: string, extra = '') =>
      `${name} AS MATERIALIZED (SELECT id, popularity${extra} FROM songs WHERE ${gate} AND (${condition}) LIMIT ${FEW_CANDIDATES})`;
    const fromFound = (name: string, foundName: string, gate: string, condition: string, filter = '') =>
      `${name} AS MATERIALIZED (
        (SELECT id FROM ${foundName} WHERE ${few(foundName)}${filter && ` AND ${filter}`} ORDER BY ${BY_POPULARITY} LIMIT ${n})
        UNION ALL
        ${walk(`${gate} AND NOT ${few(foundName)}`, condition)})`;
    // Each exact value's songs are in popularity order in its index: the first `limit` of each, merged.
    const exactly = (column: string) => `(SELECT id FROM songs WHERE ${equal(column)} ORDER BY ${BY_POPULARITY} LIMIT ${n})`;
    const prefixed = `${startsWith('search_text')} OR ${startsWith('search_artists')}`;
    const phrase = words.length > 1;
    const ctes = [
      `exact AS MATERIALIZED (SELECT DISTINCT id FROM (${['search_artists', 'search_text', 'search_title'].map(exactly).join(' UNION ALL ')}) exact)`,
      // Each prefix index read on its own (up to FEW_CANDIDATES each): when neither reaches it, both
      // are complete, and fewer than FEW_CANDIDATES songs in all mean every prefixed song is there.
      `prefix_found AS MATERIALIZED (${['search_text', 'search_artists']
        .map((column) => `(SELECT id, popularity FROM songs WHERE ${unfilled('exact')} AND ${startsWith(column)} LIMIT ${FEW_CANDIDATES})`)
        .join(' UNION ')})`,
      fromFound('prefix', 'prefix_found', unfilled('exact'), prefixed),
    ];
    const everyWordGate = unfilled('exact', 'prefix', ...(phrase ? ['phrase'] : []));
    if (SongSearchService.manySongsHold(lookup)) {
      if (phrase) ctes.push(`phrase AS MATERIALIZED ${walk(unfilled('exact', 'prefix'), `${everyWord} AND ${inPhrase}`)}`);
      ctes.push(`every_word AS MATERIALIZED ${walk(everyWordGate, everyWord)}`);
    } else {
      // The songs holding every word, once for both ranks (the phrase's songs are among them).
      ctes.push(found('every_word_found', unfilled('exact', 'prefix'), everyWord, phrase ? ', search_text' : ''));
      if (phrase) ctes.push(fromFound('phrase', 'every_word_found', unfilled('exact', 'prefix'), `${everyWord} AND ${inPhrase}`, inPhrase));
      ctes.push(fromFound('every_word', 'every_word_found', everyWordGate, everyWord));
    }
    const hits = [
      'SELECT id, 0 AS rank FROM exact',
      'SELECT id, 1 FROM prefix',
      ...(phrase ? ['SELECT id, 2 FROM phrase', 'SELECT id, 3 FROM every_word'] : ['SELECT id, 2 FROM every_word']),
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
      const everyWord = holdingEveryWord(params, words, candidates);
      // Planned for its values: whether to walk the popularity index depends on the candidates.
      const songs = await customPlanned(run, [], () =>
        run<FuzzyCandidate>(
          `SELECT ${columns(params)}, search_text, word_similarity(${query}, search_text) AS similarity
           FROM songs WHERE ${everyWord} ORDER BY ${BY_POPULARITY} LIMIT ${FUZZY_CANDIDATES}`,
          params.values,
        ),
      );
      if (songs.length > 0) return fuzzy(withoutScoring(rankByTypos(q, songs)));
    }
    return fuzzy(withoutScoring(await this.similar(run, q, words, matches)));
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
   * The last resort for farther misses: pg_trgm's word similarity of the whole query, on songs
   * found through the vocabulary and the words index. Each query word in no song stands for the
   * SIMILAR_WORDS vocabulary words most like it (by the vocabulary's trigram index), the others
   * for their matches, and the songs holding every one are the candidates. When a word in no song
   * has no word like it (two slips in a short word share few trigrams), the candidates hold every
   * other word instead, or, when those are all common, any word like a missing one. Candidates as
   * similar as pg_trgm's default (0.6) first; the looser ones too when none of those is within
   * one slip, since a slip in a short word ("beatels") shares few trigrams with the right one.
   */
  private async similar(run: Run, q: string, words: string[], matches: WordMatches): Promise<FuzzyCandidate[]> {
    const rows = await customPlanned(run, [`pg_trgm.word_similarity_threshold = ${LIKE_WORD_SIMILARITY}`], async () => {
      // Only the words in no song are looked up: the others stand for their own matches.
      const missing = words.flatMap((_, i) => (matches[i]!.length === 0 ? [i] : []));
      const likeWords =
        missing.length > 0
          ? await this.similarWords(
              run,
              missing.map((i) => words[i]!),
            )
          : [];
      const likeOf = new Map(missing.map((wordIndex, k) => [wordIndex, likeWords[k]!]));
      const everyWord = matches.map((match, i) => (match.length > 0 ? match : likeOf.get(i)!));
      if (everyWord.every((match) => match.length > 0)) {
        const songs = await this.similarSongs(run, q, (params) => holdingEveryWord(params, words, everyWord));
        if (songs.length > 0) return songs;
      }
      const held = words.map((word, i) => ({ word, match: matches[i]! })).filter(({ match }) => match.length > 0);
      if (held.some(({ match }) => match !== 'common')) {
        return this.similarSongs(run, q, (params) =>
          holdingEveryWord(
            params,
            held.map(({ word }) => word),
            held.map(({ match }) => match),
          ),
        );
      }
      const likeMissing = [...new Set(likeWords.flat())];
      return likeMissing.length > 0 ? this.similarSongs(run, q, (params) => `${SONG_WORDS} && ${params.add(likeMissing)}::text[]`) : [];
    });
    const strict = rankByTypos(
      q,
      rows.filter((row) => row.similarity >= STRICT_SIMILARITY),
    );
    return strict.length > 0 && typoScore(q, strict[0]!.search_text) >= ONE_SLIP_SCORE ? strict : rankByTypos(q, rows);
  }

  /**
   * Per word, the SIMILAR_WORDS vocabulary words most like it, as like as the transaction's word
   * similarity threshold at least. `word %> w`, not `w <% word`: the form the planner matches to
   * the trigram index.
   */
  private async similarWords(run: Run, words: string[]): Promise<string[][]> {
    const params = new SqlParams();
    const lists = words.map((word, i) => {
      const placeholder = params.add(word);
      return `ARRAY(SELECT word FROM search_words WHERE word %> ${placeholder} ORDER BY word_similarity(${placeholder}, word) DESC, word LIMIT ${SIMILAR_WORDS}) AS "${i}"`;
    });
    const rows = await run<Record<string, string[]>>(`SELECT ${lists.join(', ')}`, params.values);
    return words.map((_, i) => rows[0]![String(i)]!);
  }

  /** The FUZZY_CANDIDATES songs meeting a condition most similar to `q` by pg_trgm's word similarity (at least the threshold). */
  private similarSongs(run: Run, q: string, condition: (params: SqlParams) => string): Promise<FuzzyCandidate[]> {
    const params = new SqlParams();
    const query = params.add(q);
    return run<FuzzyCandidate>(
      `SELECT ${columns(params)}, search_text, word_similarity(${query}, search_text) AS similarity
       FROM songs WHERE ${condition(params)} AND word_similarity(${query}, search_text) >= ${LOOSE_SIMILARITY}
       ORDER BY similarity DESC, ${BY_POPULARITY} LIMIT ${FUZZY_CANDIDATES}`,
      params.values,
    );
  }
}

/**
 * Runs `statement` in a read-only transaction of its own with these settings, planned for its
 * values (the search's connections otherwise plan once for any values, see searchPool).
 */
async function customPlanned<T>(run: Run, settings: string[], statement: () => Promise<T>): Promise<T> {
  await run(['BEGIN READ ONLY', ...['plan_cache_mode = force_custom_plan', ...settings].map((setting) => `SET LOCAL ${setting}`)].join('; '));
  return statement().finally(() => run('COMMIT'));
}

/** Songs holding every query word: one of its vocabulary words, or the word itself (strpos) when it is common. */
function holdingEveryWord(params: SqlParams, words: string[], matches: WordMatches): string {
  return matches
    .map((match, i) => (match === 'common' ? `strpos(search_text, ${params.add(words[i])}) > 0` : `${SONG_WORDS} && ${params.add(match)}::text[]`))
    .join(' AND ');
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
