import { describe, expect, it } from 'vitest';
import { adjustByDataset } from '../../../src/features/hit-prediction/dataset-adjustment.js';

describe('adjustByDataset', () => {
  it('leaves the model’s answer alone without a dataset label', () => {
    expect(adjustByDataset({ modelHitProbability: 0.3, datasetIsHit: null })).toEqual({ isHit: false, confidence: 70, adjustedByDataset: false });
    expect(adjustByDataset({ modelHitProbability: 0.8123, datasetIsHit: null })).toEqual({ isHit: true, confidence: 81.23, adjustedByDataset: false });
  });

  it('answers the label, raising the confidence when the model agrees', () => {
    expect(adjustByDataset({ modelHitProbability: 0.9, datasetIsHit: true })).toEqual({ isHit: true, confidence: 96, adjustedByDataset: true });
  });

  it('answers the label, lowering the confidence when the model disagrees', () => {
    expect(adjustByDataset({ modelHitProbability: 0.9, datasetIsHit: false })).toEqual({ isHit: false, confidence: 64, adjustedByDataset: true });
  });

  it('keeps a labelled answer between 60 and 100 %', () => {
    expect(adjustByDataset({ modelHitProbability: 0, datasetIsHit: true }).confidence).toBe(60);
    expect(adjustByDataset({ modelHitProbability: 1, datasetIsHit: true }).confidence).toBe(100);
  });
});
