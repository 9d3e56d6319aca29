import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ModelRunner } from '../../src/ml/model-runner.js';

/** The hit model that ships (100 trees on the ten audio features). */
const shippedModel = (() => {
  const dir = join(import.meta.dirname, '../../models/pretrained');
  return join(
    dir,
    readdirSync(dir).find((name) => name.startsWith('hit-') && name.endsWith('.onnx'))!,
  );
})();

/** Rows spread over the features' ranges (seeded, so a failure reproduces). */
function rows(count: number, featureCount: number): Float32Array {
  let seed = 7;
  const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
  const scale = [600_000, 1, 1, 1, 1, 1, 1, -40, 200, 1];
  return Float32Array.from({ length: count * featureCount }, (_, i) => random() * (scale[i % featureCount] ?? 1));
}

describe('ModelRunner.runInChunks', () => {
  let runner: ModelRunner;
  beforeAll(async () => (runner = await ModelRunner.load(shippedModel)));
  afterAll(() => runner.release());

  it('gives each row of a batch run in chunks the probabilities of one run of all rows, in order', async () => {
    const count = 2_345;
    const features = rows(count, runner.featureCount);
    const whole = await runner.run(features, count);
    const chunked = await runner.runInChunks(features, count, 1_000);
    expect(chunked.length).toBe(whole.length);
    const largestDifference = chunked.reduce((most, value, i) => Math.max(most, Math.abs(value - whole[i]!)), 0);
    expect(largestDifference).toBeLessThanOrEqual(1e-6);
  });

  it('refuses features that are not rows × the model features', async () => {
    await expect(runner.runInChunks(new Float32Array(runner.featureCount + 1), 1, 1_000)).rejects.toThrow(RangeError);
  });
});

describe('a model runner before its first run', () => {
  it('knows its shape from the file and opens no onnxruntime session until a run needs one', async () => {
    const runner = await ModelRunner.load(shippedModel);
    try {
      expect({ features: runner.featureCount, classes: runner.classCount, opened: runner.opened }).toEqual({ features: 10, classes: 2, opened: false });
      const probabilities = await runner.run(rows(3, runner.featureCount), 3);
      expect(probabilities).toHaveLength(6);
      expect(runner.opened).toBe(true);
    } finally {
      await runner.release();
    }
  });

  it('refuses a file cut short when it is made, not at its first run', async () => {
    const bytes = readFileSync(shippedModel);
    await expect(ModelRunner.load(bytes.subarray(0, bytes.length - 1000))).rejects.toThrow(/truncated/);
  });

  it('is released without ever opening a session', async () => {
    const runner = await ModelRunner.load(shippedModel);
    await runner.release();
    expect(runner.opened).toBe(false);
    await expect(runner.run(rows(1, runner.featureCount), 1)).rejects.toThrow('the model is being replaced');
  });
});
