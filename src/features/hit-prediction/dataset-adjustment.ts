/** What the model said and what the dataset knows about a song. */
export interface AdjustmentInput {
  /** The model's probability that the song is a hit, 0–1. */
  modelHitProbability: number;
  /** The dataset's label, when the song is in a dataset with one. */
  datasetIsHit: boolean | null;
}

export interface AdjustedPrediction {
  isHit: boolean;
  /** 0–100, two decimals. */
  confidence: number;
  adjustedByDataset: boolean;
}

/** The least confidence an answer backed by a known label gets. */
export const LABEL_CONFIDENCE_FLOOR = 60;

const percent = (value: number) => Math.round(value * 10_000) / 100;

/**
 * The original's "smart prediction". Without a label the model decides: the winning class and
 * its probability. With a label (the song is in a dataset that charted it, or not), the answer
 * is the label, and its confidence is 60 % plus 40 % of the model's probability for that label:
 * from 60 when the model fully disagrees to 100 when it fully agrees, so a model that backs
 * the label raises the confidence and one that contradicts it lowers it.
 */
export function adjustByDataset({ modelHitProbability, datasetIsHit }: AdjustmentInput): AdjustedPrediction {
  const modelIsHit = modelHitProbability > 0.5;
  if (datasetIsHit === null) {
    return { isHit: modelIsHit, confidence: percent(Math.max(modelHitProbability, 1 - modelHitProbability)), adjustedByDataset: false };
  }
  const support = datasetIsHit ? modelHitProbability : 1 - modelHitProbability;
  return {
    isHit: datasetIsHit,
    confidence: percent((LABEL_CONFIDENCE_FLOOR + (100 - LABEL_CONFIDENCE_FLOOR) * support) / 100),
    adjustedByDataset: true,
  };
}
