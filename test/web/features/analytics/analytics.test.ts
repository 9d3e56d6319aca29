import { describe, expect, it } from 'vitest';
import {
  alertStatusFromQuery,
  alertStatusQuery,
  alertTypeLabel,
  buildTrendChart,
  dateTickIndexes,
  describeDriver,
  describeTrend,
  formatChange,
  formatCompact,
  formatProbability,
  formatScore,
  formatShare,
  formatSigned,
  gaugeAngle,
  gaugeArc,
  gaugePoint,
  linePath,
  momentumLabel,
  momentumTone,
  breakoutTone,
  modelLabel,
  nearestIndex,
  niceRange,
  noArtistsMessage,
  platformName,
  shortDate,
  windowFromQuery,
  xOf,
  yOf,
} from '../../../../web/src/features/analytics/analytics.js';

describe('the Analytics pages’ numbers', () => {
  it('shortens big numbers to K, M and B with one decimal under 100', () => {
    expect([0, 7, 999, 1000, 1234, 12_345, 123_456, 999_499, 999_950, 3_400_000, 2_500_000_000].map(formatCompact)).toEqual([
      '0',
      '7',
      '999',
      '1K',
      '1.2K',
      '12.3K',
      '123K',
      '999K',
      '1M',
      '3.4M',
      '2.5B',
    ]);
    expect([-1234, 999.6, null, undefined, Number.NaN].map(formatCompact)).toEqual(['-1.2K', '1K', '—', '—', '—']);
  });

  it('words scores, probabilities, shares and changes', () => {
    expect([formatScore(85.74), formatScore(10, 1), formatScore(null)]).toEqual(['85.7', '10.0', '—']);
    expect([1, 0.124, 0.021, 0.069, 0, null].map(formatProbability)).toEqual(['100%', '12%', '2.1%', '6.9%', '0%', '—']);
    expect([0.034, 0.6993, 1].map(formatShare)).toEqual(['3.4%', '69.9%', '100.0%']);
    expect([formatSigned(12.34), formatSigned(-2), formatSigned(0), formatSigned(-0.04)]).toEqual(['+12.3', '-2.0', '0.0', '0.0']);
    expect([formatChange(9588, 38311), formatChange(100, 90), formatChange(0, 5)]).toEqual(['+299.6%', '-10.0%', '—']);
  });

  it('names and colours momentum statuses, breakout labels, models, alert types and platforms', () => {
    expect(['declining', 'stable', 'growing', 'rapid_growth', 'viral', null, 'unknown'].map(momentumLabel)).toEqual([
      'Declining',
      'Stable',
      'Growing',
      'Rapid growth',
      'Viral',
      'Not scored',
      'Not scored',
    ]);
    expect(['declining', 'stable', 'growing', 'rapid_growth', 'viral', null].map(momentumTone)).toEqual(['down', 'flat', 'up', 'strong', 'hot', 'none']);
    expect(['high', 'medium', 'low', null].map(breakoutTone)).toEqual(['hot', 'up', 'flat', 'none']);
    expect([modelLabel('random_forest'), modelLabel('logistic'), modelLabel(null)]).toEqual(['Random forest', 'Logistic score', '—']);
    expect(['viral_spike', 'viral_momentum', 'breakout', 'other'].map(alertTypeLabel)).toEqual(['Viral spike', 'Viral momentum', 'Breakout', 'other']);
    expect(['tiktok', 'apple_music', 'bandcamp'].map(platformName)).toEqual(['TikTok', 'Apple Music', 'bandcamp']);
  });

  it('words a breakout driver and whether it raises or lowers the chance', () => {
    expect(describeDriver({ feature: 'velocity_pct', value: 100, contribution: 34.3 })).toEqual({
      label: 'Weekly follower growth',
      value: '+100.0%',
      effect: 'raises',
    });
    expect(describeDriver({ feature: 'log10_followers', value: 4.5833, contribution: -0.4 })).toEqual({
      label: 'Audience size',
      value: '38.3K followers',
      effect: 'lowers',
    });
    expect(describeDriver({ feature: 'new_feature', value: 2, contribution: 0 })).toEqual({ label: 'new feature', value: '2', effect: 'raises' });
  });

  it('reads the window and alert status from the address, falling back to 90 days and open alerts', () => {
    expect(['30', '90', '180', '45', '', null].map(windowFromQuery)).toEqual([30, 90, 180, 90, 90, 90]);
    expect(['open', 'acknowledged', 'all', 'bogus', ''].map(alertStatusFromQuery)).toEqual(['open', 'acknowledged', 'all', 'open', 'open']);
    expect((['open', 'acknowledged', 'all'] as const).map(alertStatusQuery)).toEqual(['false', 'true', '']);
  });

  it('tells a listener that analytics is for artist teams', () => {
    expect(noArtistsMessage('user').title).toBe('Analytics is for artist teams');
    expect(noArtistsMessage('admin').title).toBe('No analytics data yet');
  });
});

describe('the momentum gauge', () => {
  it('turns 0–10 into -90° (left) to 90° (right), clamped', () => {
    expect([0, 2.5, 5, 10, 12, -3, null].map((value) => gaugeAngle(value))).toEqual([-90, -45, 0, 90, 90, -90, -90]);
    expect(gaugeAngle(50, 100)).toBe(0);
  });

  it('draws its arc clockwise from the left end', () => {
    expect(gaugePoint(100, 100, 80, -90)).toEqual({ x: 20, y: 100 });
    expect(gaugePoint(100, 100, 80, 0)).toEqual({ x: 100, y: 20 });
    expect(gaugeArc(100, 100, 80, 0, 10)).toBe('M 20 100 A 80 80 0 0 1 180 100');
    expect(gaugeArc(100, 100, 80, 0, 5)).toBe('M 20 100 A 80 80 0 0 1 100 20');
  });
});

describe('the audience chart', () => {
  const series = [
    { date: '2026-11-12', followers: 150, streams: 40, engagement: 9 },
    { date: '2026-11-10', followers: 100, streams: 10, engagement: 3 },
    { date: '2026-11-11', followers: 120, streams: 30, engagement: 80 },
  ];
  const spikes = [
    { date: '2026-11-11', value: 80, trailing_mean: 3, trailing_std: 1, z_score: 77 },
    { date: '2026-01-01', value: 1, trailing_mean: 0, trailing_std: 1, z_score: 3 },
  ];

  it('puts the days in order and marks the spike days of the window', () => {
    const chart = buildTrendChart(series, spikes);
    expect(chart.days.map((day) => day.date)).toEqual(['2026-11-10', '2026-11-11', '2026-11-12']);
    expect(chart.spikeIndexes).toEqual([1]);
    expect(chart.days[1]!.spike).toEqual({ value: 80, z_score: 77 });
    expect(chart.followers).toEqual({ min: 100, max: 150 });
    expect(chart.streams).toEqual({ min: 10, max: 40 });
  });

  it('describes itself in a sentence with the spikes', () => {
    expect(describeTrend(buildTrendChart(series, spikes))).toBe(
      'Followers went from 100 to 150 (+50.0%) and daily streams from 10 to 40, peaking at 40, from 10 Nov 2026 to 12 Nov 2026. 1 engagement spike: 11 Nov 2026 (z 77.0).',
    );
    expect(describeTrend(buildTrendChart([], []))).toBe('No daily metrics in this window.');
  });

  it('rounds axis ranges to readable steps', () => {
    expect(niceRange(9588, 38311, 4)).toEqual({ min: 0, max: 40000, step: 10000, ticks: [0, 10000, 20000, 30000, 40000] });
    expect(niceRange(150_100, 154_889, 4)).toEqual({ min: 150_000, max: 155_000, step: 1000, ticks: [150_000, 151_000, 152_000, 153_000, 154_000, 155_000] });
    expect(niceRange(0.2, 0.9, 4)).toEqual({ min: 0.2, max: 1, step: 0.2, ticks: [0.2, 0.4, 0.6, 0.8, 1] });
    expect(niceRange(3000, 22696, 2, true)).toMatchObject({ min: 0, max: 30000, step: 10000 });
    expect(niceRange(150, 150, 4, true)).toMatchObject({ min: 0, max: 150 });
    expect(niceRange(150, 150, 4)).toMatchObject({ min: 130, max: 170 });
    expect(niceRange(0, 0, 4)).toMatchObject({ min: -1, max: 1 });
  });

  it('places days and values in the plot box', () => {
    expect([0, 1, 2].map((index) => xOf(index, 3, 40, 240))).toEqual([40, 140, 240]);
    expect(xOf(0, 1, 40, 240)).toBe(140);
    expect([yOf(0, 0, 100, 10, 110), yOf(100, 0, 100, 10, 110), yOf(5, 5, 5, 10, 110)]).toEqual([110, 10, 60]);
    expect(linePath([0, 100], { min: 0, max: 100 }, { left: 0, right: 10, top: 0, bottom: 10 })).toBe('M 0 10 L 10 0');
    expect([0, 39, 91, 240, 500].map((x) => nearestIndex(x, 3, 40, 240))).toEqual([0, 0, 1, 2, 2]);
  });

  it('spreads date labels from the first day to the last', () => {
    expect(dateTickIndexes(90, 4)).toEqual([0, 30, 59, 89]);
    expect(dateTickIndexes(2, 5)).toEqual([0, 1]);
    expect(dateTickIndexes(1)).toEqual([0]);
    expect(dateTickIndexes(0)).toEqual([]);
    expect(shortDate('2026-08-26')).toBe('26 Aug');
  });
});
