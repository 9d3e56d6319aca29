import { describe, expect, it } from 'vitest';
import { DEMO_ANALYTICS_ARTISTS, demoArtistData } from '../../../../src/features/analytics/demo/demo-curves.js';

const now = new Date('2026-06-30T12:00:00Z');
const artist = (name: string) => DEMO_ANALYTICS_ARTISTS.find((a) => a.name === name)!;
const spotifyFollowers = (name: string) =>
  demoArtistData(artist(name), now, 180, 1)
    .metrics.filter((m) => m.platform === 'spotify')
    .map((m) => m.followers!);

describe('demo analytics curves', () => {
  it('gives four platforms a row for each of the days, ending today', () => {
    const { metrics } = demoArtistData(artist('Kōwhai'), now, 180, 1);
    expect(metrics).toHaveLength(180 * 4);
    expect(metrics.at(-1)!.date).toBe('2026-06-30');
    expect(metrics[0]!.date).toBe('2026-01-02');
  });

  it("grows, declines, holds and breaks out as each artist's shape says", () => {
    const change = (name: string) => spotifyFollowers(name).at(-1)! / spotifyFollowers(name)[0]!;
    expect(change('Harbour Lights')).toBeGreaterThan(1.5);
    expect(change('The Dust Riders')).toBeLessThan(0.75);
    expect(change('Kōwhai')).toBeCloseTo(1, 1);
    const viral = spotifyFollowers('Marama Bay');
    expect(viral.at(-1)! / viral.at(-13)!).toBeGreaterThan(3);
  });

  it('puts no fan event after now', () => {
    const { events } = demoArtistData(artist('Marama Bay'), now, 180, 1);
    expect(events.every((event) => Date.parse(event.occurred_at) <= now.getTime())).toBe(true);
  });

  it('is the same data for the same seed', () => {
    expect(demoArtistData(artist('Harbour Lights'), now, 30, 5)).toEqual(demoArtistData(artist('Harbour Lights'), now, 30, 5));
  });
});
