import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { spawnApp, waitForHealth, type AppProcess } from './app-process.js';
import { launchChromium } from './browser.js';
import { freePort } from './free-port.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export interface BrowserApp {
  app: AppProcess;
  browser: Browser;
  database: TestDatabase;
  /** The app's MODELS_DIR, for a CLI command to share (training, say). */
  modelsDir: string;
  /** The app's MEDIA_DIR, for another instance to share (createTestApp's shareWith). */
  mediaDir: string;
  /** A new 1280×900 page in which each action waits 10 s at most (Playwright's own limit is 30 s). */
  newPage(): Promise<Page>;
  stop(): Promise<void>;
}

/** The built app on a database and models/media folders of its own (never the repo's), with Chromium; `env` adds settings (a fake source's URL, say). */
export async function startBrowserApp(env: NodeJS.ProcessEnv = {}): Promise<BrowserApp> {
  const database = await createTestDatabase();
  const [modelsDir, mediaDir] = await Promise.all([mkdtemp(join(tmpdir(), 'encore-web-models-')), mkdtemp(join(tmpdir(), 'encore-web-media-'))]);
  const app = spawnApp({ DATABASE_URL: database.url, MODELS_DIR: modelsDir, MEDIA_DIR: mediaDir, PORT: String(await freePort()), LOG_LEVEL: 'warn', ...env });
  const health = await waitForHealth(app, 120_000);
  if (health.status !== 200) throw new Error(`the app answered health with ${health.status}`);
  const browser = await launchChromium();
  return {
    app,
    browser,
    database,
    modelsDir,
    mediaDir,
    async newPage() {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      page.setDefaultTimeout(10_000);
      return page;
    },
    async stop() {
      await browser.close();
      if (app.child.exitCode === null) {
        app.child.kill('SIGINT');
        await new Promise((resolve) => app.child.once('exit', resolve));
      }
      await database.drop();
      await Promise.all([modelsDir, mediaDir].map((dir) => rm(dir, { recursive: true, force: true })));
    },
  };
}
