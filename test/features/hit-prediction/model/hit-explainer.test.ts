import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_HIT_FEATURES } from '../../../../src/features/hit-prediction/model/hit-features.js';
import { EXPLAINED_ROWS_KEPT, HitExplainer } from '../../../../src/features/hit-prediction/model/hit-explainer.js';
import { exportForestToOnnx } from '../../../../src/ml/onnx-export.js';
import { readForestFromOnnx } from '../../../../src/ml/onnx-forest-reader.js';
import { SHIPPED_MODELS_DIR } from '../../../../src/platform/models/model-registry.service.js';

const shippedOnnx = readFileSync(
  join(
    SHIPPED_MODELS_DIR,
    readdirSync(SHIPPED_MODELS_DIR).find((name) => name.startsWith('hit-') && name.endsWith('.onnx'))!,
  ),
);
const features = [...DEFAULT_HIT_FEATURES];
const song = {
  duration_ms: 210_000,
  danceability: 0.7,
  energy: 0.6,
  valence: 0.6,
  acousticness: 0.2,
  instrumentalness: 0,
  explicit: 0,
  loudness: -6,
  tempo: 118,
  mode: 1,
};

describe('explaining the shipped hit model from its file', () => {
  it('adds the base value and the contributions up to the raw HIT probability', () => {
    const { raw, explanation } = HitExplainer.fromOnnx(shippedOnnx, features, 1)!.explain(song);
    expect(Math.abs(explanation.base_value + explanation.contributions.reduce((sum, item) => sum + item.contribution, 0) - raw)).toBeLessThan(1e-9);
    expect(explanation.contributions.map((item) => item.value)).toEqual(explanation.contributions.map((item) => song[item.feature as keyof typeof song]));
  });

  it('answers a song explained lately from memory, and explains it again once it has been pushed out', () => {
    const explainer = HitExplainer.fromOnnx(shippedOnnx, features, 1)!;
    const first = explainer.explain(song);
    expect(explainer.explain({ ...song })).toBe(first);
    for (let other = 1; other <= EXPLAINED_ROWS_KEPT; other++) explainer.explain({ ...song, tempo: 200 + other / 100 });
    const again = explainer.explain(song);
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });

  it('has no explainer for a file written without the node cover', () => {
    const { model } = readForestFromOnnx(shippedOnnx);
    expect(HitExplainer.fromOnnx(exportForestToOnnx(model, { featureNames: features }), features, 1)).toBeUndefined();
  });
});
