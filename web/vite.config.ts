import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** The SPA, built into web/dist and served by the API at `/`; `vite dev` proxies /api to a running app. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
