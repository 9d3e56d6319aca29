import type { Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { App } from 'supertest/types.js';
import { configureHttp } from '../../src/app.js';

export interface ProbeApp {
  app: NestExpressApplication;
  http: App;
}

/** A module of test controllers behind the app's own HTTP layer (configureHttp), without a database. */
export async function createProbeApp(module: Type): Promise<ProbeApp> {
  const app = await NestFactory.create<NestExpressApplication>(module, { logger: false });
  configureHttp(app);
  await app.init();
  return { app, http: app.getHttpServer() as App };
}
