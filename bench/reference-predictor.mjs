// What both references of `npm run bench:http` run per request: the app's ONNX file with the app's
// session options, one run() per request (as OnnxForest.load: one thread per run).
import { readFile } from 'node:fs/promises';
import { InferenceSession, Tensor } from 'onnxruntime-node';

/** A function from a parsed feature object to the app's prediction shape. */
export async function loadPredictor(modelPath, cardPath) {
  const card = JSON.parse(await readFile(cardPath, 'utf8'));
  const names = card.features.map((feature) => feature.name);
  const hitColumn = card.classes.indexOf('HIT');
  const session = await InferenceSession.create(modelPath, {
    executionProviders: ['cpu'],
    intraOpNumThreads: 1,
    interOpNumThreads: 1,
    executionMode: 'sequential',
    graphOptimizationLevel: 'all',
  });
  const [inputName] = session.inputNames;
  return async (features) => {
    const row = Float32Array.from(names, (name) => Number(features[name]));
    const outputs = await session.run({ [inputName]: new Tensor('float32', row, [1, names.length]) }, ['probabilities']);
    const probabilities = outputs.probabilities.data;
    const hit = probabilities[hitColumn];
    const flop = probabilities[1 - hitColumn];
    return { prediction: hit > flop ? 'HIT' : 'FLOP', confidence: Math.round(Math.max(hit, flop) * 10_000) / 100, probabilities: { HIT: hit, FLOP: flop } };
  };
}
