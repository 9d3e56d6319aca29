import { describe, expect, it } from 'vitest';
import { MAX_BINS, binFeatures, binOf, binThresholds } from '../../src/ml/binning.js';
import { Random } from '../../src/ml/random.js';

/** Checks `fround(x) <= threshold[b]` ⇔ `code <= b` for every value and bin of one feature. */
function expectEdgeInvariant(values: ArrayLike<number>, codes: ArrayLike<number>, thresholds: Float64Array, offset: number, binCount: number) {
  for (let i = 0; i < values.length; i++) {
    const x = Math.fround(values[i]!);
    const code = codes[i]!;
    expect(code).toBeLessThan(binCount);
    for (let b = 0; b < binCount; b++) {
      if (x <= thresholds[offset + b]! !== code <= b) throw new Error(`value ${x} in bin ${code} vs edge ${b} = ${thresholds[offset + b]}`);
    }
  }
}

describe('binThresholds', () => {
  it('gives each distinct value its own bin when there are few, edges between neighbours', () => {
    const edges = binThresholds([3, 1, 2, 2, 1, 3, 10]);
    expect(Array.from(edges)).toEqual([1.5, 2.5, 6.5, Number.POSITIVE_INFINITY]);
  });

  it('keeps edges strictly below the next value for adjacent float32 values', () => {
    const a = 1;
    const b = 1 + 2 ** -23; // the next float32 after 1
    const edges = binThresholds([a, b, a, b]);
    expect(edges.length).toBe(2);
    expect(edges[0]).toBe(a);
    expect(Math.fround(a) <= edges[0]!).toBe(true);
    expect(Math.fround(b) <= edges[0]!).toBe(false);
  });

  it('rounds edges to float32 and handles infinities and signed zeros', () => {
    const values = [0.1, 0.2, -0, 0, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY, 1e30];
    const edges = binThresholds(values);
    for (const edge of edges) expect(Math.fround(edge)).toBe(edge);
    const codes = values.map((value) => binOf(edges, 0, edges.length, value));
    expectEdgeInvariant(values, codes, edges, 0, edges.length);
    expect(codes[2]).toBe(codes[3]); // -0 and 0 share a bin
  });

  it('makes at most maxBins roughly equal-frequency bins for many distinct values', () => {
    const random = new Random(7);
    const values = Array.from({ length: 20_000 }, () => random.next() * 1000);
    const edges = binThresholds(values);
    expect(edges.length).toBe(MAX_BINS);
    const counts = new Array<number>(edges.length).fill(0);
    for (const value of values) counts[binOf(edges, 0, edges.length, value)]!++;
    const expected = values.length / MAX_BINS;
    for (const count of counts) {
      expect(count).toBeGreaterThan(expected * 0.5);
      expect(count).toBeLessThan(expected * 1.5);
    }
  });

  it('keeps a heavy value in a bin of its own without starving the other bins', () => {
    const random = new Random(3);
    const values = [...new Array<number>(5000).fill(0), ...Array.from({ length: 5000 }, () => 1 + random.next())];
    const edges = binThresholds(values, 16);
    expect(edges.length).toBe(16);
    const codes = values.map((value) => binOf(edges, 0, edges.length, value));
    expect(codes.filter((code) => code === 0).length).toBe(5000);
    expect(new Set(codes).size).toBe(16);
  });

  it('rejects NaN', () => {
    expect(() => binThresholds([1, Number.NaN])).toThrow(RangeError);
  });
});

describe('binFeatures', () => {
  it('codes every training value so that thresholds reproduce the bins exactly', () => {
    const random = new Random(11);
    const rows = 3000;
    const featureCount = 4;
    const x = new Float32Array(rows * featureCount);
    for (let row = 0; row < rows; row++) {
      x[row * featureCount] = random.next() * 1e6; // many distinct values
      x[row * featureCount + 1] = Math.floor(random.next() * 5); // few
      x[row * featureCount + 2] = 7; // constant
      x[row * featureCount + 3] = random.next() < 0.7 ? 0 : random.next() * 1e-3; // heavy value
    }
    const binned = binFeatures(x, rows, featureCount);
    expect(Array.from(binned.binCounts)).toEqual([256, 5, 1, 256]);
    for (let feature = 0; feature < featureCount; feature++) {
      const values = Array.from({ length: rows }, (_, row) => x[row * featureCount + feature]!);
      const codes = Array.from({ length: rows }, (_, row) => binned.codes[row * featureCount + feature]!);
      const offset = feature * MAX_BINS;
      const binCount = binned.binCounts[feature]!;
      expectEdgeInvariant(values, codes, binned.thresholds, offset, binCount);
      for (let b = 1; b < binCount; b++) expect(binned.thresholds[offset + b]!).toBeGreaterThan(binned.thresholds[offset + b - 1]!);
      expect(binned.thresholds[offset + binCount - 1]).toBe(Number.POSITIVE_INFINITY);
      // Every bin holds at least one training value.
      expect(new Set(codes).size).toBe(binCount);
    }
  });

  it('can put the codes on a SharedArrayBuffer', () => {
    const binned = binFeatures(new Float32Array([1, 2, 3, 4]), 2, 2, { shared: true });
    expect(binned.codes.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(Array.from(binned.codes)).toEqual([0, 0, 1, 1]);
  });
});
