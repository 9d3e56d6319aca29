import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Express, Request, Response } from 'express';

/**
 * ReDoc reading the OpenAPI document: its bundle is the web app's own copy (web/dist/vendor, from
 * the redoc package at build time), so no CDN, and it initialises from the <redoc> element, so no
 * inline script. Search is off: it would run in a blob: worker the Content-Security-Policy refuses.
 */
const REDOC_PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Encore API · ReDoc</title>
  </head>
  <body>
    <redoc spec-url="/api/docs-json" disable-search></redoc>
    <script src="/vendor/redoc.standalone.js"></script>
  </body>
</html>
`;

/** FanPulse's documentation paths: /docs (its Swagger UI, Encore's at /api/docs) and /redoc. */
export function serveApiDocPages(app: NestExpressApplication): void {
  const express = app.getHttpAdapter().getInstance() as Express;
  express.get('/docs', (_request: Request, response: Response) => response.redirect(302, '/api/docs'));
  express.get('/redoc', (_request: Request, response: Response) => {
    response.setHeader('Cache-Control', 'no-cache');
    response.type('html').send(REDOC_PAGE);
  });
}
