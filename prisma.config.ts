import { fileURLToPath } from 'node:url';
import { defineConfig } from 'prisma/config';

// The Prisma CLI refuses to start without its native schema engine, a download from a host
// we cannot reach. The commands we use from it (generate, format, validate, db seed) never
// run that engine, so this file stands in for it. Migrations run through Prisma's
// WebAssembly engine instead (src/database/migrations.ts: npm run db:migrate, db:migration).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(import.meta.url);
process.env.PRISMA_HIDE_UPDATE_MESSAGE ??= '1';

export default defineConfig({
  schema: 'prisma/schema',
  migrations: {
    path: 'prisma/migrations',
    // Prisma runs this without a shell (`&&` would reach the first program as an argument) and
    // appends the words after `db seed --`.
    seed: 'npm run cli --silent -- import-songs',
  },
});
