import { Injectable } from '@nestjs/common';
import type { Prisma } from '../../generated/prisma/client.js';
import { likeLiteral } from '../../platform/database/like-literal.js';
import { PrismaService } from '../../platform/database/prisma.service.js';
import { SqlParams } from './sql-params.js';
import { substringWordPatterns } from './substring-words.js';
import { MAX_WORD_MATCHES, vocabularyMatches } from './vocabulary-lookup.js';
import { estimatedShare, WordShares } from './word-shares.js';

/**
 * The vocabulary's words cut at 200 characters (song_search_words): a fragment past the cut is in
 * the song but not in its cut word, so they are candidates of every pattern (there are seldom any).
 */
const CUT_WORDS = 'ARRAY(SELECT word FROM search_words WHERE length(word) >= 200)';

/**
 * Candidates held by more songs than this share narrow too little: reading every song is about as
 * quick as fetching them through the index, and the planner then scans, comparing each song's
 * words with every candidate (3.5 s instead of 0.4 s for "e", 175 of 344 words, at 1,000,000
 * songs). Below it the index is quicker than a scan: 135 against 260 ms for "of the" (12%).
 */
const MAX_NARROWING_SHARE = 0.25;

/**
 * Filters of the songs whose search text contains some texts (GET /api/songs?search=, the admin
 * listings), served by the words index instead of a trigram index on the songs, which an import
 * spent 40% of its index builds on (docs/benchmarks.md, "Dataset search and listings without the
 * trigram index on songs").
 */
@Injectable()
export class SearchTextFilter {
  constructor(
    private readonly prisma: PrismaService,
    private readonly wordShares: WordShares,
  ) {}

  /**
   * The songs whose search text contains every one of `texts` (in search-text form), exactly as
   * `contains` filters them. Each word of a text becomes the vocabulary words it can stand in
   * (substringWordPatterns) and a song must hold one of each, through the words index; `contains`
   * then checks those candidates only. A pattern matching more than MAX_WORD_MATCHES vocabulary
   * words, or words in more than MAX_NARROWING_SHARE of the songs (a fragment such as "e", a word
   * such as "the"), is left to `contains`.
   */
  async containing(texts: string[]): Promise<Prisma.SongWhereInput> {
    const byText = texts.map((text) => ({ searchText: { contains: likeLiteral(text) } }));
    if (texts.length === 0) return { AND: byText };
    const patterns = texts.flatMap(substringWordPatterns);
    const params = new SqlParams();
    const lists = [...patterns.map((pattern, i) => `${vocabularyMatches(pattern, params)} AS "${i}"`), `${CUT_WORDS} AS cut`];
    const [{ rows }, statistics] = await Promise.all([
      this.prisma.pool.query<Record<string, string[]>>(`SELECT ${lists.join(', ')}`, params.values),
      this.wordShares.current(),
    ]);
    const matches = patterns.map((_, i) => rows[0]![String(i)]!);
    const byWords = matches
      .filter((words) => words.length <= MAX_WORD_MATCHES && estimatedShare(statistics, words) <= MAX_NARROWING_SHARE)
      .map((words) => ({ searchWords: { hasSome: [...words, ...rows[0]!.cut!] } }));
    return { AND: [...byWords, ...byText] };
  }
}
