import { describe, expect, it } from 'vitest';
import { packedRows, packRows } from '../../../src/features/hit-prediction/batch/packed-rows.js';

const row = {
  duration_ms: 210000,
  danceability: 0.8,
  energy: 0.7,
  valence: 0.6,
  acousticness: 0.1,
  instrumentalness: 0,
  explicit: 1,
  loudness: -5.5,
  tempo: 120,
  mode: 1,
};

describe('packRows', () => {
  it('packs rows of the ten numeric features and reads them back as equal rows, in any key order', () => {
    const reordered = Object.fromEntries(Object.entries(row).reverse());
    const packed = packRows([row, reordered, { ...row, tempo: Infinity, loudness: -0 }]);
    expect(packed).toBeInstanceOf(Float64Array);
    const rows = packedRows(packed!);
    expect(rows.count).toBe(3);
    expect([0, 1, 2].map((index) => rows.at(index))).toEqual([row, row, { ...row, tempo: Infinity, loudness: -0 }]);
  });

  it('leaves the rows as they are when one row lacks a feature, has another field, or a value that is not a number', () => {
    const { tempo: _tempo, ...missing } = row;
    expect(packRows([row, missing])).toBeUndefined();
    expect(packRows([row, { ...row, title: 'x' }])).toBeUndefined();
    expect(packRows([row, { ...row, explicit: true }])).toBeUndefined();
    expect(packRows([row, { ...row, tempo: '120' }])).toBeUndefined();
    expect(packRows([row, null])).toBeUndefined();
    expect(packRows([row, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]])).toBeUndefined();
  });
});
