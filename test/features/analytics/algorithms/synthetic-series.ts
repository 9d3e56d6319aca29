import type { DailyTotals } from '../../../../src/features/analytics/algorithms/daily-totals.js';
import { Random } from '../../../../src/ml/random.js';

const DAY_MS = 86_400_000;

/** A contiguous series of `days` days from 2026-01-01; each day all zeros but what `dayOf(i)` gives. */
export function makeSeries(days: number, dayOf: (index: number) => Partial<DailyTotals> = () => ({})): DailyTotals[] {
  const start = Date.parse('2026-01-01T00:00:00Z');
  return Array.from({ length: days }, (_, index) => ({
    date: new Date(start + index * DAY_MS).toISOString().slice(0, 10),
    followers: 0,
    monthlyListeners: 0,
    streams: 0,
    likes: 0,
    comments: 0,
    shares: 0,
    saves: 0,
    playlistAdds: 0,
    views: 0,
    ...dayOf(index),
  }));
}

export type Shape = 'steady' | 'declining' | 'plateau' | 'viral';

/**
 * 120 days of an artist of one shape, with a little seeded noise (followers ±0.2 %, engagement
 * ±3 %): steady +2 %/week from 50,000; declining −1.5 %/week from 60,000 with engagement falling
 * by 45 % over the period; plateau flat at 20,000; viral +0.5 %/week from 10,000 until 21 days
 * before the end, then +7 % a day (about 4× by the end) with a twelvefold engagement spike on
 * the first day, fading over a week. Engagement is 3 % of followers a day, all in likes.
 */
export function shapeSeries(shape: Shape, seed = 1, days = 120): DailyTotals[] {
  const random = new Random(seed);
  const noise = (amplitude: number) => 1 + (random.next() * 2 - 1) * amplitude;
  const spike = days - 22;
  return makeSeries(days, (i) => {
    let followers: number;
    let engagementFactor = 1;
    switch (shape) {
      case 'steady':
        followers = 50_000 * 1.02 ** (i / 7);
        break;
      case 'declining':
        followers = 60_000 * 0.985 ** (i / 7);
        engagementFactor = 1 - (0.45 * i) / (days - 1);
        break;
      case 'plateau':
        followers = 20_000;
        break;
      case 'viral':
        followers = 10_000 * 1.005 ** (i / 7) * (i > spike ? 1.07 ** (i - spike) : 1);
        if (i >= spike) engagementFactor = 1 + 11 * Math.exp(-(i - spike) / 2);
        break;
    }
    followers = Math.round(followers * noise(0.002));
    const likes = Math.round(followers * 0.03 * engagementFactor * noise(0.03));
    return { followers, monthlyListeners: followers * 2, likes, streams: followers * 0.3, saves: 0, playlistAdds: Math.round(followers * 0.01) };
  });
}
