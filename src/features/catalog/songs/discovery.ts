/**
 * Trending score of a song over a time range: plays + 3 × likes in the range ("all" counts every
 * play and current like). A like weighs three plays: it is a deliberate act, a play may be background.
 */
export const TRENDING_WEIGHTS = { play: 1, like: 3 } as const;

export const TRENDING_RANGES = ['all', 'week', 'month'] as const;
export type TrendingRange = (typeof TRENDING_RANGES)[number];

/** When a trending range starts, or null for all time. */
export function trendingSince(range: TrendingRange, now = new Date()): Date | null {
  if (range === 'all') return null;
  return new Date(now.getTime() - (range === 'week' ? 7 : 30) * 86_400_000);
}

/**
 * Recommendation score of an unheard song for a listener, from their history (plays 1, likes and
 * favourites 3 each):
 *   genre affinity   = Σ history weight of the listener's songs sharing each of the song's genres
 *   artist affinity  = Σ history weight of the listener's songs by the song's artist (+5 when followed)
 *   score            = genre affinity + 0.5 × artist affinity + 0.1 × ln(1 + plays)
 * so taste decides and popularity only breaks ties. Songs the listener played, liked or
 * favourited are never recommended; a listener without history gets this week's trending.
 */
export const RECOMMENDATION_WEIGHTS = { play: 1, like: 3, favorite: 3, follow: 5, artist: 0.5, popularity: 0.1 } as const;

/** A normalized search text as a PostgreSQL tsquery matching every word as a prefix ("hip ho" → "hip:* & ho:*"). */
export function prefixTsQuery(normalized: string): string {
  return normalized
    .split(' ')
    .filter(Boolean)
    .map((word) => `${word}:*`)
    .join(' & ');
}
