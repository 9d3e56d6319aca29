// The floor of POST /api/predict/manual/ in `npm run bench:http`: a bare node:http server that runs
// the same ONNX file as the app, with the app's session options, one run() per request, and
// nothing else (no framework, validation, logging, metrics or database).
// Usage: node bench/reference-predict-server.mjs <model.onnx> <model-card.json> <port>
import { createServer } from 'node:http';
import { loadPredictor } from './reference-predictor.mjs';

const [modelPath, cardPath, port] = process.argv.slice(2);
const predict = await loadPredictor(modelPath, cardPath);

const server = createServer((request, response) => {
  let body = '';
  request.setEncoding('utf8');
  request.on('data', (chunk) => (body += chunk));
  request.on('end', () => {
    Promise.resolve()
      .then(() => predict(JSON.parse(body)))
      .then(
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
