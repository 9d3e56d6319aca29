import { predictProbabilities, type RandomForestModel } from './forest.js';
import { OnnxForest } from './onnx-model.js';

/** Largest difference allowed between onnxruntime's and the TypeScript forest's probabilities. */
export const ONNX_TOLERANCE = 1e-5;

/**
 * Runs the exported ONNX model in onnxruntime on `rows` rows and compares its probabilities with
 * the forest's own; throws when they differ by ONNX_TOLERANCE or more. Returns the largest difference.
 */
export async function checkOnnxExport(model: RandomForestModel, onnx: Uint8Array, features: Float32Array, rows: number): Promise<number> {
  const expected = predictProbabilities(model, features, rows);
  const forest = await OnnxForest.load(onnx);
  try {
    const actual = await forest.run(features, rows);
    let difference = 0;
    for (let i = 0; i < expected.length; i++) difference = Math.max(difference, Math.abs(expected[i]! - actual[i]!));
    if (difference >= ONNX_TOLERANCE) throw new Error(`the ONNX export differs from the forest by ${difference} on the test rows`);
    return difference;
  } finally {
    await forest.release();
  }
}

/** Each feature's name with its smallest and largest value in a row-major matrix (the training rows). */
export function featureRanges(matrix: Float32Array, names: string[]): Array<{ name: string; min: number; max: number }> {
  const featureCount = names.length;
  const rows = matrix.length / featureCount;
  return names.map((name, column) => {
    let min = Infinity;
    let max = -Infinity;
    for (let row = 0; row < rows; row++) {
      const value = matrix[row * featureCount + column]!;
      if (value < min) min = value;
      if (value > max) max = value;
    }
    return { name, min, max };
  });
}
