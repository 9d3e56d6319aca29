import { defineConfig } from 'vitest/config';

/** The fast tests: pure logic and in-process pieces, no database, app, browser or child process (npm run test:unit). */
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/**/*.e2e.test.ts'],
    testTimeout: 30_000,
    env: { LOG_LEVEL: 'warn' },
  },
});
