import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { type NextFunction, type Request, type Response } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../config/paths.js';

export const WEB_DIST = join(projectRoot, 'web', 'dist');

const isApiPath = (path: string) => /^\/api(\/|$)/.test(path);

/**
 * Serves the built SPA (web/dist) at `/`: hashed assets cached for a year, and index.html for
 * every other page path (not /api) so that links into the app work on reload.
 */
export function serveWebApp(app: NestExpressApplication, dir = WEB_DIST): void {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) {
    new Logger('Web').warn(`No web app at ${dir}: run "npm run build" to build it`);
    return;
  }
  const files = express.static(dir, {
    index: false,
    setHeaders: (res, path) => {
      // Vite puts a content hash in every asset name under assets/: they never change.
      res.setHeader('Cache-Control', path.includes(`${join(dir, 'assets')}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  // What useStaticAssets mounts, minus a look on disk (fs.stat) for every API request: no file of the web app is under /api.
  app.use((request: Request, response: Response, next: NextFunction) => (isApiPath(request.path) ? next() : files(request, response, next)));
  app.use((request: Request, response: Response, next: NextFunction) => {
    const isPage = (request.method === 'GET' || request.method === 'HEAD') && !isApiPath(request.path) && request.accepts('html');
    if (!isPage) return next();
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(index);
  });
}
