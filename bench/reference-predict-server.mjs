// The floor of POST /api/predict/manual/ in `npm run bench:http`: a bare node:http server that runs
// the same ONNX file as the app, with the app's session options, one run() per request, and
// nothing else (no framework, validation, logging, metrics or database).
// Usage: node bench/reference-predict-server.mjs <model.onnx> <model-card.json> <port>
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { InferenceSession, Tensor } from 'onnxruntime-node';

const [modelPath, cardPath, port] = process.argv.slice(2);
const card = JSON.parse(await readFile(cardPath, 'utf8'));
const names = card.features.map((feature) => feature.name);
const hitColumn = card.classes.indexOf('HIT');
// As OnnxForest.load: one thread per run, so concurrent requests could use the other core.
const session = await InferenceSession.create(modelPath, {
  executionProviders: ['cpu'],
  intraOpNumThreads: 1,
  interOpNumThreads: 1,
  executionMode: 'sequential',
  graphOptimizationLevel: 'all',
});
const [inputName] = session.inputNames;

async function predict(body) {
  const features = JSON.parse(body);
  const row = Float32Array.from(names, (name) => Number(features[name]));
  const outputs = await session.run({ [inputName]: new Tensor('float32', row, [1, names.length]) }, ['probabilities']);
  const probabilities = outputs.probabilities.data;
  const hit = probabilities[hitColumn];
  const flop = probabilities[1 - hitColumn];
  return { prediction: hit > flop ? 'HIT' : 'FLOP', confidence: Math.round(Math.max(hit, flop) * 10_000) / 100, probabilities: { HIT: hit, FLOP: flop } };
}

const server = createServer((request, response) => {
  let body = '';
  request.setEncoding('utf8');
  request.on('data', (chunk) => (body += chunk));
  request.on('end', () => {
    predict(body).then(
      (result) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify(result));
      },
      (error) => {
        response.writeHead(400, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ error: error.message }));
      },
    );
  });
});
server.listen(Number(port), '127.0.0.1', () => console.log(`listening on ${port}`));
