import type { ManualPrediction, PredictionFilters } from '../../api/types.js';
import { FEATURES, type Features } from '../../lib/features.js';
import type { KeyValueStore } from '../../lib/session.js';

export const MANUAL_HISTORY_KEY = 'encore.manual-predictions';
/** Enough to compare a few what-ifs; older ones drop off. */
export const MANUAL_HISTORY_LIMIT = 20;

/**
 * A manual prediction kept in this browser. The API stores only predictions of songs: a stored
 * prediction belongs to a row of the songs table, and the hit trainer learns from every row there,
 * so invented features labelled by the model itself must not go in.
 */
/** What an entry keeps of the answer (not its explanation). */
export type KeptManualPrediction = Pick<ManualPrediction, 'prediction' | 'confidence' | 'probabilities' | 'model_version'>;

export interface ManualHistoryEntry extends KeptManualPrediction {
  id: string;
  created_at: string;
  features: Features;
}

export type HistoryFilters = Omit<PredictionFilters, 'page' | 'page_size'>;

function isEntry(value: unknown): value is ManualHistoryEntry {
  const entry = value as Partial<ManualHistoryEntry> | null;
  return (
    typeof entry === 'object' &&
    entry !== null &&
    typeof entry.id === 'string' &&
    !Number.isNaN(Date.parse(entry.created_at ?? '')) &&
    (entry.prediction === 'HIT' || entry.prediction === 'FLOP') &&
    typeof entry.confidence === 'number' &&
    typeof entry.model_version === 'string' &&
    typeof entry.probabilities?.HIT === 'number' &&
    typeof entry.features === 'object' &&
    entry.features !== null &&
    FEATURES.every(({ name }) => typeof entry.features![name] === 'number')
  );
}

/** The entries kept in `store`, newest first; anything unreadable is left out. */
export function readManualHistory(store: KeyValueStore | null): ManualHistoryEntry[] {
  try {
    const value: unknown = JSON.parse(store?.getItem(MANUAL_HISTORY_KEY) ?? '[]');
    return Array.isArray(value) ? value.filter(isEntry) : [];
  } catch {
    return [];
  }
}

/** `entries` with `answer` for `features` added first, at most `limit` of them. */
export function addManualEntry(
  entries: ManualHistoryEntry[],
  answer: KeptManualPrediction,
  features: Features,
  now = new Date(),
  limit = MANUAL_HISTORY_LIMIT,
): ManualHistoryEntry[] {
  const entry: ManualHistoryEntry = { ...answer, features, id: `manual-${now.getTime()}-${entries.length}`, created_at: now.toISOString() };
  return [entry, ...entries].slice(0, limit);
}

/** The entries the History filters let through: manual answers are never adjusted by a dataset; `to` is exclusive, as in the API. */
export function filterManualHistory(entries: ManualHistoryEntry[], filters: HistoryFilters): ManualHistoryEntry[] {
  if (filters.adjusted_by_dataset) return [];
  return entries.filter(
    (entry) =>
      (filters.is_hit === undefined || (entry.prediction === 'HIT') === filters.is_hit) &&
      (!filters.from || Date.parse(entry.created_at) >= Date.parse(filters.from)) &&
      (!filters.to || Date.parse(entry.created_at) < Date.parse(filters.to)),
  );
}
