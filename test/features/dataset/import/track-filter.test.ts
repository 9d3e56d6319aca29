import { describe, expect, it } from 'vitest';
import { TrackFilter } from '../../../../src/features/dataset/import/track-filter.js';

const trackIds = (count: number, prefix: string) => Array.from({ length: count }, (_, i) => `${prefix}${i.toString(36).padStart(22, '0')}`);

describe('TrackFilter', () => {
  it('says "maybe" of every track added (a row it calls new never conflicts)', () => {
    const filter = new TrackFilter();
    const added = trackIds(200_000, 'a');
    for (const id of added) filter.add(id);
    expect(added.filter((id) => !filter.mayHave(id))).toEqual([]);
  });

  it('says "surely not" of nearly every track not added', () => {
    const filter = new TrackFilter();
    for (const id of trackIds(200_000, 'a')) filter.add(id);
    const falsePositives = trackIds(100_000, 'b').filter((id) => filter.mayHave(id)).length;
    expect(falsePositives).toBeLessThan(100);
  });

  it('says "surely not" of everything when empty', () => {
    expect(new TrackFilter().mayHave('4UcxTnA6C5vCW79PIZ38Vx')).toBe(false);
  });
});
