import { describe, expect, it } from 'vitest';
import {
  formatArtists,
  formatAverage,
  formatDate,
  formatDateTime,
  formatDuration,
  formatFeature,
  formatPercent,
  formatPlaybackTime,
  formatSkipsLeft,
  plural,
} from '../../../web/src/lib/format.js';

describe('SPA formatting', () => {
  it('shows a confidence with one decimal and a percent sign', () => {
    expect(formatPercent(73.456)).toBe('73.5%');
  });

  it('shows durations as minutes and seconds, hours when there are any', () => {
    expect([formatDuration(213_573), formatDuration(59_600), formatDuration(3_725_000)]).toEqual(['3:34', '1:00', '1:02:05']);
  });

  it('shows each feature in its unit', () => {
    expect([
      formatFeature('loudness', -5.234),
      formatFeature('tempo', 119.6),
      formatFeature('mode', 0),
      formatFeature('explicit', 1),
      formatFeature('energy', 0.7364),
      formatFeature('duration_ms', 210_000),
    ]).toEqual(['-5.2 dB', '120 BPM', 'Minor', 'Yes', '0.74', '3:30']);
  });

  it('shows the average of a yes/no feature as a share', () => {
    expect([formatAverage('mode', 0.624), formatAverage('explicit', 0.05), formatAverage('tempo', 120.2)]).toEqual(['62% major', '5% explicit', '120 BPM']);
  });

  it('joins several artists with commas', () => {
    expect(formatArtists('Beyoncé;JAY-Z; ')).toBe('Beyoncé, JAY-Z');
  });

  it('shows a date and time in the given time zone', () => {
    expect(formatDateTime('2026-11-23T08:35:12.000Z', 'UTC')).toBe('23 Nov 2026, 08:35');
  });
});

describe('player and catalog formatting', () => {
  it('shows a player position rounded down, and 0:00 before the length is known', () => {
    expect([formatPlaybackTime(75.9), formatPlaybackTime(3725), formatPlaybackTime(Number.NaN), formatPlaybackTime(Infinity)]).toEqual([
      '1:15',
      '1:02:05',
      '0:00',
      '0:00',
    ]);
  });

  it('says how many skips are left, or that they are unlimited', () => {
    expect([formatSkipsLeft(6), formatSkipsLeft(1), formatSkipsLeft(0), formatSkipsLeft(null)]).toEqual([
      '6 skips left this hour',
      '1 skip left this hour',
      '0 skips left this hour',
      'Unlimited skips',
    ]);
  });

  it('shows a release date without shifting it by the time zone, and counts with the right noun', () => {
    expect(formatDate('2024-05-17')).toBe('17 May 2024');
    expect([plural(1, 'song'), plural(1200, 'play')]).toEqual(['1 song', '1,200 plays']);
  });
});
