import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

/** The one thing ReDoc's bundle fetches from elsewhere: the Redocly logo of its sidebar footer. */
const REDOC_CDN_LOGO = 'https://cdn.redoc.ly/redoc/logo-mini.svg';

/**
 * ReDoc's standalone bundle beside the SPA, for the API's /redoc page, so the docs load nothing
 * from a CDN: the footer logo becomes an empty image, which ReDoc then hides (its onError).
 */
const redocBundle: Plugin = {
  name: 'redoc-bundle',
  generateBundle() {
    const bundle = readFileSync(createRequire(import.meta.url).resolve('redoc/bundles/redoc.standalone.js'), 'utf8');
    if (!bundle.includes(REDOC_CDN_LOGO)) this.warn(`ReDoc's bundle no longer names ${REDOC_CDN_LOGO}: check what it loads from elsewhere`);
    this.emitFile({ type: 'asset', fileName: 'vendor/redoc.standalone.js', source: bundle.replaceAll(REDOC_CDN_LOGO, 'data:,') });
  },
};

/** The SPA, built into web/dist and served by the API at `/`; `vite dev` proxies /api to a running app. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
  plugins: [redocBundle],
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
