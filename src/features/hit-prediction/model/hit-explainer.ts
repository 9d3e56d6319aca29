import { readFile } from 'node:fs/promises';
import { predictProbabilities, type RandomForestModel } from '../../../ml/forest.js';
import { explainerFromOnnx } from '../../../ml/onnx-forest-reader.js';
import type { ForestExplainer } from '../../../ml/tree-shap.js';
import type { ExplainedRow, FeatureValues } from './hit-probabilities.js';

/** Explained rows kept per version (about 1 KB each): a song predicted again is explained once. */
export const EXPLAINED_ROWS_KEPT = 1_000;

/**
 * Explains a hit model version's predictions, from its ONNX file alone (the trees and each
 * node's training cover, see readForestFromOnnx). Made once per loaded version, on its first
 * explained request: the explainer's set-up (cover shares, base value, quadrature per tree) is
 * not redone per request.
 */
export class HitExplainer {
  private readonly row: Float64Array;
  /** The row's bytes: its key among the kept answers (a tenth of the CPU of formatting ten numbers, `row.join`). */
  private readonly rowBytes: Buffer;
  /** The last EXPLAINED_ROWS_KEPT rows' answers by their values' bytes, least recently used first. */
  private readonly recent = new Map<string, ExplainedRow>();

  private constructor(
    private readonly model: RandomForestModel,
    private readonly explainer: ForestExplainer,
    /** The model's input columns, in order (the card's features). */
    private readonly features: string[],
    /** The HIT class's index among the model's classes. */
    private readonly hitColumn: number,
  ) {
    this.row = new Float64Array(features.length);
    this.rowBytes = Buffer.from(this.row.buffer);
  }

  /** The explainer of a model file, or undefined when the file carries no node cover (a version trained before explanations). */
  static fromOnnx(bytes: Uint8Array, features: string[], hitColumn: number): HitExplainer | undefined {
    const read = explainerFromOnnx(bytes);
    if (!read) return undefined;
    if (read.model.featureCount !== features.length)
      throw new Error(`the ONNX file takes ${read.model.featureCount} features, the card lists ${features.length}`);
    return new HitExplainer(read.model, read.explainer, features, hitColumn);
  }

  static async load(onnxPath: string, features: string[], hitColumn: number): Promise<HitExplainer | undefined> {
    return HitExplainer.fromOnnx(await readFile(onnxPath), features, hitColumn);
  }

  /**
   * The row's raw HIT probability and its explanation; the values as given (validated), compared
   * as float32 as the model does. A row explained lately (the same song again) is answered from
   * memory: the same values give the same answer, and an explanation costs about 3 ms of CPU.
   * Callers must not change the answer.
   */
  explain(values: FeatureValues): ExplainedRow {
    const { row, features, recent } = this;
    for (let column = 0; column < features.length; column++) row[column] = Number(values[features[column]!]);
    const key = this.rowBytes.toString('latin1');
    const kept = recent.get(key);
    if (kept) {
      recent.delete(key);
      recent.set(key, kept);
      return kept;
    }
    const raw = predictProbabilities(this.model, row, 1)[this.hitColumn]!;
    const answer = { raw, explanation: this.explainer.explain(row, this.hitColumn, features) };
    recent.set(key, answer);
    if (recent.size > EXPLAINED_ROWS_KEPT) recent.delete(recent.keys().next().value!);
    return answer;
  }

  /** Each row explained, in order (about 3 ms of CPU each for the shipped model). */
  explainAll(rows: FeatureValues[]): ExplainedRow[] {
    return rows.map((values) => this.explain(values));
  }
}
