import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { AppConfig } from '../../src/platform/config/app-config.js';
import { projectRoot } from '../../src/platform/config/paths.js';

/** There is no Docker engine here: the files are checked for what `docker build` and `docker compose` rely on. */
const read = (path: string) => readFileSync(join(projectRoot, path), 'utf8');

interface Instruction {
  stage: string;
  keyword: string;
  args: string;
}

/** The Dockerfile as instructions (continuation lines joined, comments dropped), each with its stage. */
function dockerfile(): Instruction[] {
  const text = read('Dockerfile').replace(/\\\n/g, ' ');
  const instructions: Instruction[] = [];
  let stage = '';
  for (const line of text.split('\n').map((l) => l.trim())) {
    if (!line || line.startsWith('#')) continue;
    const [, keyword, args] = /^(\w+)\s+(.*)$/.exec(line)!;
    if (keyword!.toUpperCase() === 'FROM') stage = /\bAS\s+(\S+)/i.exec(args!)?.[1] ?? args!;
    instructions.push({ stage, keyword: keyword!.toUpperCase(), args: args!.trim() });
  }
  return instructions;
}

/** .dockerignore as a test of a path: its patterns in order, the last match deciding (as Docker reads it). */
function dockerignored(): (path: string) => boolean {
  const rules = read('.dockerignore')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const negated = line.startsWith('!');
      const pattern = (negated ? line.slice(1) : line).replace(/^\/|\/$/g, '');
      const glob = pattern
        .split('**')
        .map((part) =>
          part
            .replace(/[.+^${}()|[\]\\]/g, '\\$&')
            .replace(/\*/g, '[^/]*')
            .replace(/\?/g, '[^/]'),
        )
        .join('.*');
      const regex = new RegExp(`^${glob}(/.*)?$`);
      return { negated, regex };
    });
  return (path) => rules.reduce((ignored, rule) => (rule.regex.test(path) ? !rule.negated : ignored), false);
}

describe('Dockerfile', () => {
  const instructions = dockerfile();
  const inStage = (stage: string, keyword: string) => instructions.filter((i) => i.stage === stage && i.keyword === keyword);

  it('builds in a stage with the dev dependencies and runs on node 20 slim with production dependencies only', () => {
    const froms = instructions.filter((i) => i.keyword === 'FROM').map((i) => i.args);
    expect(froms).toEqual(['node:20-bookworm-slim AS build', 'node:20-bookworm-slim AS runtime']);
    const buildRuns = inStage('build', 'RUN')
      .map((i) => i.args)
      .join('\n');
    expect(buildRuns).toMatch(/npm ci\b/);
    expect(buildRuns).not.toMatch(/--omit=dev/);
    expect(buildRuns).toMatch(/npm run build/);
    const runtimeRuns = inStage('runtime', 'RUN')
      .map((i) => i.args)
      .join('\n');
    expect(runtimeRuns).toMatch(/npm ci --omit=dev/);
    expect(runtimeRuns).not.toMatch(/npm run build|npm install\b/);
  });

  it('copies the build output, the web app and the migrations', () => {
    const copies = inStage('runtime', 'COPY').map((i) => i.args);
    expect(copies).toContain('--from=build /app/dist ./dist');
    expect(copies).toContain('--from=build /app/web/dist ./web/dist');
    expect(copies).toContain('prisma/migrations ./prisma/migrations');
    // What the first start reads, outside the folders compose mounts volumes over.
    expect(copies).toContain('models/pretrained ./models/pretrained');
    expect(copies).toContain('data/samples ./data/samples');
  });

  it('runs no install script of a dependency: its npm 10 ignores allowScripts, and onnxruntime-node would download GPU libraries', () => {
    const installs = instructions.filter((i) => i.keyword === 'RUN' && /npm ci\b/.test(i.args));
    expect(installs).toHaveLength(2);
    for (const install of installs) expect(install.args).toMatch(/npm ci\b[^&]*--ignore-scripts/);
  });

  it('runs as a non-root user in production mode on port 3000, with a health check on /api/health', () => {
    const runtime = instructions.filter((i) => i.stage === 'runtime');
    const user = runtime.filter((i) => i.keyword === 'USER').at(-1)?.args;
    expect(user).toBeDefined();
    expect(user).not.toMatch(/^(root|0)(:|$)/);
    expect(
      runtime
        .filter((i) => i.keyword === 'ENV')
        .map((i) => i.args)
        .join(' '),
    ).toMatch(/\bNODE_ENV=production\b/);
    expect(runtime.filter((i) => i.keyword === 'EXPOSE').map((i) => i.args)).toEqual(['3000']);
    const healthcheck = runtime.find((i) => i.keyword === 'HEALTHCHECK')?.args;
    expect(healthcheck).toMatch(/CMD .*http:\/\/127\.0\.0\.1:3000\/api\/health\//);
    const command = JSON.parse(runtime.find((i) => i.keyword === 'CMD')!.args) as string[];
    expect(command).toEqual(['node', '--enable-source-maps', 'dist/main.js']);
  });

  it('COPYs only files that exist in the repository and that .dockerignore lets into the build context', () => {
    const ignored = dockerignored();
    const sources = instructions
      .filter((i) => i.keyword === 'COPY' && !/--from=/.test(i.args))
      .flatMap((i) =>
        i.args
          .split(/\s+/)
          .filter((arg) => !arg.startsWith('--'))
          .slice(0, -1),
      );
    expect(sources.length).toBeGreaterThan(3);
    for (const source of sources) {
      if (source === '.') continue;
      expect(existsSync(join(projectRoot, source)), `${source} exists`).toBe(true);
      expect(ignored(source), `${source} is not in .dockerignore`).toBe(false);
    }
    // What the build needs is in the context...
    for (const needed of [
      'package.json',
      'package-lock.json',
      '.npmrc',
      'src/main.ts',
      'scripts/build.mjs',
      'web/index.html',
      'prisma/schema',
      'prisma/migrations',
      'tsconfig.build.json',
      'data/samples/chinook/Chinook_PostgreSql.sql',
    ]) {
      expect(ignored(needed), needed).toBe(false);
    }
    // ...and what must stay out of it is not.
    for (const outside of [
      'node_modules/pg/package.json',
      'dist/main.js',
      '.env',
      '.env.production',
      'data/postgres/PG_VERSION',
      'data/media/a.mp3',
      'models/hit-1.onnx',
      '.git/HEAD',
      'src/generated/prisma/client.ts',
      'web/dist/index.html',
    ]) {
      expect(ignored(outside), outside).toBe(true);
    }
    expect(ignored('.env.example')).toBe(false);
  });
});

describe('docker-compose.yml', () => {
  const compose = parse(read('docker-compose.yml')) as {
    services: Record<
      string,
      {
        image?: string;
        build?: string;
        profiles?: string[];
        environment?: Record<string, string | number>;
        depends_on?: Record<string, { condition: string }>;
        healthcheck?: { test: string[] };
        volumes?: string[];
        ports?: string[];
        command?: string[];
      }
    >;
    volumes: Record<string, unknown>;
  };
  const { db, app, prometheus } = compose.services;

  it('has the database, the app and, under the monitoring profile only, Prometheus', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['app', 'db', 'prometheus']);
    expect(db!.profiles).toBeUndefined();
    expect(app!.profiles).toBeUndefined();
    expect(prometheus!.profiles).toEqual(['monitoring']);
  });

  it('runs PostgreSQL 18 with its data in a volume and a health check', () => {
    expect(db!.image).toBe('postgres:18');
    expect(db!.volumes).toContain('pgdata:/var/lib/postgresql');
    expect(compose.volumes).toHaveProperty('pgdata');
    expect(db!.healthcheck!.test.join(' ')).toMatch(/pg_isready -U postgres -d encore/);
  });

  it('builds the app from this folder, against the db once it is healthy, with the secrets it needs from .env', () => {
    expect(app!.build).toBe('.');
    expect(app!.depends_on).toEqual({ db: { condition: 'service_healthy' } });
    const env = app!.environment!;
    expect(env.DATABASE_URL).toMatch(/^postgresql:\/\/postgres:\$\{POSTGRES_PASSWORD:-encore\}@db:5432\/encore$/);
    expect(env.HOST).toBe('0.0.0.0');
    expect(env.PORT).toBe(3000);
    // Production needs them: compose refuses to start without them (${VAR:?message}).
    expect(env.JWT_SECRET).toMatch(/^\$\{JWT_SECRET:\?.+\}$/);
    expect(env.ANALYTICS_TOKEN_KEY).toMatch(/^\$\{ANALYTICS_TOKEN_KEY:\?.+\}$/);
    // Every variable passed is one the app reads.
    const known = Object.keys(new AppConfig());
    for (const name of Object.keys(env)) expect(known, name).toContain(name);
    expect(app!.ports).toEqual(['${APP_PORT:-3000}:3000']);
    // What the app writes outlives the container.
    expect(app!.volumes).toEqual(expect.arrayContaining(['media:/app/data/media', 'backups:/app/data/backups', 'models:/app/models/trained']));
  });

  it('has Prometheus scrape the app at app:3000/api/metrics with the scrape config in ops/', () => {
    expect(prometheus!.image).toMatch(/^prom\/prometheus:v\d+\.\d+\.\d+$/);
    expect(prometheus!.volumes).toContain('./ops:/etc/prometheus/encore:ro');
    expect(prometheus!.command).toContain('--config.file=/etc/prometheus/encore/prometheus.yml');
    const config = parse(read('ops/prometheus.yml')) as {
      scrape_configs: Array<{ job_name: string; metrics_path: string; static_configs: Array<{ targets: string[] }> }>;
    };
    expect(config.scrape_configs).toEqual([
      expect.objectContaining({ job_name: 'encore', metrics_path: '/api/metrics', static_configs: [{ targets: ['app:3000'] }] }),
    ]);
  });

  it('documents every variable it reads in .env.example or the README', () => {
    const text = read('docker-compose.yml');
    const variables = new Set([...text.matchAll(/\$\{(\w+)(?::?[-?][^}]*)?\}/g)].map((match) => match[1]!));
    const docs = read('.env.example') + read('README.md');
    for (const name of variables) expect(docs.includes(name), `${name} is documented`).toBe(true);
  });
});
