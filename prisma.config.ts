import { defineConfig } from 'prisma/config';

// Migrations are applied by our own runner (src/database/migrations.ts, `npm run db:migrate`)
// through Prisma's WebAssembly schema engine, so no datasource URL is needed here.
export default defineConfig({
  schema: 'prisma/schema',
  migrations: { path: 'prisma/migrations' },
});
