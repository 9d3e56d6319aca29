import type { Calibration, CalibrationReport } from '../../ml/calibration.js';
import type { BinaryEvaluation } from '../../ml/evaluation.js';

/** What every model reports about itself (the columns of `model_metadata`, and more). */
export interface ModelMetrics {
  accuracy: number;
  /** Binary: ROC AUC; several classes: the mean one-vs-rest ROC AUC. */
  roc_auc: number;
  /** Binary: F1 of the positive class; several classes: macro F1. */
  f1: number;
  /** Mean impurity decrease, by feature name, summing to 1. */
  feature_importances: Record<string, number>;
  oob_score: number | null;
  /** Largest |onnxruntime − TypeScript forest| probability on the test rows (checked < 1e-5). */
  onnx_max_difference: number | null;
}

/** What a trained model is, next to its ONNX file as `<name>-<version>.json`. */
export interface ModelCard<Metrics extends ModelMetrics = ModelMetrics> {
  name: string;
  version: string;
  /** Input features in the order the model takes them, with their range in the training data. */
  features: Array<{ name: string; min: number; max: number }>;
  /** Class labels in the order of the probabilities (e.g. ["FLOP", "HIT"]). */
  classes: string[];
  hyperparameters: Record<string, number | string | boolean | null>;
  metrics: Metrics;
  /** The forest's fit alone. */
  training_seconds: number;
  training_rows: number;
  test_rows: number;
  data_source: string;
  /** True when trained on Encore's generated demo data rather than real data. */
  synthetic_data: boolean;
  /** The command that trains the same model again from the same data. */
  training_command?: string;
  created_at: string;
}

/** How well the probabilities match outcomes on held-out rows, and the calibration that answers them. */
export type ModelCalibration = CalibrationReport & { fit: Calibration };

/** A feature's mean |Shapley contribution| over held-out rows. */
export interface FeatureImportance {
  feature: string;
  mean_abs_contribution: number;
}

/**
 * The hit model's card: hold-out metrics with the confusion matrix in the order of `classes`;
 * since calibration and explanations, the calibration of its HIT probability and the global
 * importance (absent from older versions, which answer raw probabilities without explanations).
 */
export type HitModelCard = ModelCard<ModelMetrics & BinaryEvaluation> & {
  calibration?: ModelCalibration;
  /** Largest first. */
  importance?: FeatureImportance[];
};

/** A version name that sorts by time: 20261123-072700-123. */
export function newModelVersion(date = new Date()): string {
  const iso = date.toISOString(); // 2026-11-23T07:27:00.123Z
  return `${iso.slice(0, 10).replace(/-/g, '')}-${iso.slice(11, 19).replace(/:/g, '')}-${iso.slice(20, 23)}`;
}

export const modelFileName = (name: string, version: string, extension: 'onnx' | 'json') => `${name}-${version}.${extension}`;
