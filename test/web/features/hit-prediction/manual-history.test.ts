import { describe, expect, it } from 'vitest';
import { DEFAULT_FEATURES } from '../../../../web/src/lib/features.js';
import { MANUAL_HISTORY_KEY, addManualEntry, filterManualHistory, readManualHistory } from '../../../../web/src/features/hit-prediction/manual-history.js';
import type { KeyValueStore } from '../../../../web/src/lib/session.js';

const hit = { prediction: 'HIT' as const, confidence: 71.2, probabilities: { HIT: 0.712, FLOP: 0.288 }, model_version: 'v1' };
const flop = { ...hit, prediction: 'FLOP' as const, probabilities: { HIT: 0.3, FLOP: 0.7 }, confidence: 70 };

function store(value: string | null): KeyValueStore {
  return { getItem: (key) => (key === MANUAL_HISTORY_KEY ? value : null), setItem: () => undefined, removeItem: () => undefined };
}

describe('manual predictions kept in the browser', () => {
  it('adds the newest first and keeps at most the limit', () => {
    let entries = addManualEntry([], hit, DEFAULT_FEATURES, new Date('2026-12-01T10:00:00Z'), 2);
    entries = addManualEntry(entries, flop, DEFAULT_FEATURES, new Date('2026-12-02T10:00:00Z'), 2);
    entries = addManualEntry(entries, hit, { ...DEFAULT_FEATURES, energy: 0.9 }, new Date('2026-12-03T10:00:00Z'), 2);
    expect(entries.map((entry) => [entry.prediction, entry.created_at])).toEqual([
      ['HIT', '2026-12-03T10:00:00.000Z'],
      ['FLOP', '2026-12-02T10:00:00.000Z'],
    ]);
    expect(entries[0]!.features.energy).toBe(0.9);
    expect(new Set(entries.map((entry) => entry.id)).size).toBe(2);
  });

  it('reads back what it wrote, and nothing from a missing, garbled or tampered value', () => {
    const entries = addManualEntry([], hit, DEFAULT_FEATURES, new Date('2026-12-01T10:00:00Z'));
    expect(readManualHistory(store(JSON.stringify(entries)))).toEqual(entries);
    expect(readManualHistory(store(null))).toEqual([]);
    expect(readManualHistory(null)).toEqual([]);
    expect(readManualHistory(store('{not json'))).toEqual([]);
    expect(readManualHistory(store(JSON.stringify({ entries })))).toEqual([]);
    const tampered = [{ ...entries[0], prediction: 'MAYBE' }, { ...entries[0], features: { energy: 1 } }, entries[0]];
    expect(readManualHistory(store(JSON.stringify(tampered)))).toEqual(entries);
  });

  it('follows the History filters: result, dates (to exclusive), and never "adjusted by dataset"', () => {
    const entries = [
      ...addManualEntry([], hit, DEFAULT_FEATURES, new Date('2026-12-02T23:59:00Z')),
      ...addManualEntry([], flop, DEFAULT_FEATURES, new Date('2026-12-01T08:00:00Z')),
    ];
    expect(filterManualHistory(entries, {})).toHaveLength(2);
    expect(filterManualHistory(entries, { is_hit: true }).map((entry) => entry.prediction)).toEqual(['HIT']);
    expect(filterManualHistory(entries, { is_hit: false }).map((entry) => entry.prediction)).toEqual(['FLOP']);
    expect(filterManualHistory(entries, { from: '2026-12-02' }).map((entry) => entry.prediction)).toEqual(['HIT']);
    expect(filterManualHistory(entries, { to: '2026-12-02' }).map((entry) => entry.prediction)).toEqual(['FLOP']);
    expect(filterManualHistory(entries, { adjusted_by_dataset: true })).toEqual([]);
    expect(filterManualHistory(entries, { adjusted_by_dataset: false })).toHaveLength(2);
  });
});
