// The ceiling of the stack issue 22 keeps, in `npm run bench:http`: a NestJS app on
// @nestjs/platform-express with one POST route, its JSON body parsed by Nest's default body parser,
// and nothing else (no validation, logging, metrics, security headers, limits or database).
// Without a model the route answers a small fixed JSON (the framework alone); with one it runs the
// same inference as bench/reference-predict-server.mjs (the framework plus the model).
// Usage: node bench/reference-nest-server.mjs <port> [<model.onnx> <model-card.json>]
// Plain JavaScript has no decorator syntax: Nest's decorators are applied as the functions they are.
import 'reflect-metadata';
import { Body, Controller, HttpCode, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadPredictor } from './reference-predictor.mjs';

const [port, modelPath, cardPath] = process.argv.slice(2);
const predict = modelPath
  ? await loadPredictor(modelPath, cardPath)
  : async () => ({ prediction: 'HIT', confidence: 50, probabilities: { HIT: 0.5, FLOP: 0.5 } });

class PredictController {
  handle(body) {
    return predict(body);
  }
}
Body()(PredictController.prototype, 'handle', 0);
HttpCode(200)(PredictController.prototype, 'handle', Object.getOwnPropertyDescriptor(PredictController.prototype, 'handle'));
Post()(PredictController.prototype, 'handle', Object.getOwnPropertyDescriptor(PredictController.prototype, 'handle'));
Controller()(PredictController);

class ReferenceModule {}
Module({ controllers: [PredictController] })(ReferenceModule);

const app = await NestFactory.create(ReferenceModule, { logger: false });
await app.listen(Number(port), '127.0.0.1');
console.log(`listening on ${port}`);
