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
    expect(command).toEqual(['node', '--enable-source-maps', 'dist/bundle/main.js']);
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
  // Merge keys (<<), as docker compose reads them: the replicas take the app's settings.
  const compose = parse(read('docker-compose.yml'), { merge: true }) as {
    services: Record<
      string,
      {
        image?: string;
        build?: string;
        profiles?: string[];
        environment?: Record<string, string | number>;
        depends_on?: Record<string, { condition: string }> | string[];
        healthcheck?: { test: string[] };
        volumes?: string[];
        ports?: string[];
        command?: string[];
        secrets?: string[];
      }
    >;
    volumes: Record<string, unknown>;
    secrets?: Record<string, { environment?: string }>;
  };
  const { db, app, prometheus } = compose.services;
  const REPLICAS = ['replica-1', 'replica-2', 'replica-3'];

  it('has the database and the app by default; Prometheus under the monitoring profile; three replicas, a balancer and their Prometheus under the scale profile', () => {
    const byProfile = Object.entries(compose.services).map(([name, service]) => [name, service.profiles?.join(',') ?? 'default']);
    expect(Object.fromEntries(byProfile)).toEqual({
      db: 'default',
      app: 'default',
      prometheus: 'monitoring',
      ...Object.fromEntries(REPLICAS.map((name) => [name, 'scale'])),
      lb: 'scale',
      'prometheus-scale': 'scale',
    });
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

  it('runs each replica as the app runs (same database, secrets and volumes), after its first start, behind the balancer only', () => {
    for (const name of REPLICAS) {
      const replica = compose.services[name]!;
      expect(replica.image, name).toBe('encore:latest');
      expect(replica.depends_on, name).toEqual({ db: { condition: 'service_healthy' }, app: { condition: 'service_healthy' } });
      // JWT_SECRET, ANALYTICS_TOKEN_KEY and the rest must match across instances; the proxy in front is trusted.
      expect(replica.environment, name).toEqual({ ...app!.environment, TRUST_PROXY: 'uniquelocal' });
      expect(replica.volumes, name).toEqual(app!.volumes);
      expect(replica.ports, name).toBeUndefined();
    }
  });

  it('balances over every replica with nginx, its config in ops/, the metrics kept off the public address', () => {
    const lb = compose.services.lb!;
    expect(lb.image).toMatch(/^nginx:[\d.]+-alpine$/);
    expect(lb.volumes).toContain('./ops/nginx-scale.conf:/etc/nginx/conf.d/default.conf:ro');
    expect(lb.ports).toEqual(['${LB_PORT:-8080}:80']);
    const config = read('ops/nginx-scale.conf');
    const upstream = /upstream encore \{([^}]*)\}/.exec(config)![1]!;
    expect([...upstream.matchAll(/^\s*server (\S+)/gm)].map((match) => match[1])).toEqual(REPLICAS.map((name) => `${name}:3000`));
    expect(config).toMatch(/proxy_pass http:\/\/encore;/);
    expect(config).toMatch(/location = \/api\/metrics \{\s*return 404;/);
  });

  it('has the scale profile’s Prometheus scrape each replica with METRICS_TOKEN as its bearer token', () => {
    const scraper = compose.services['prometheus-scale']!;
    expect(scraper.volumes).toContain('./ops:/etc/prometheus/encore:ro');
    expect(scraper.command).toContain('--config.file=/etc/prometheus/encore/prometheus-scale.yml');
    expect(scraper.secrets).toEqual(['metrics_token']);
    expect(compose.secrets).toEqual({ metrics_token: { environment: 'METRICS_TOKEN' } });
    const config = parse(read('ops/prometheus-scale.yml')) as {
      scrape_configs: Array<{ metrics_path: string; static_configs: Array<{ targets: string[] }>; authorization: { type: string; credentials_file: string } }>;
    };
    expect(config.scrape_configs).toEqual([
      expect.objectContaining({
        metrics_path: '/api/metrics',
        static_configs: [{ targets: REPLICAS.map((name) => `${name}:3000`) }],
        authorization: { type: 'Bearer', credentials_file: '/run/secrets/metrics_token' },
      }),
    ]);
  });

  it('documents every variable it reads in .env.example or the README', () => {
    const text = read('docker-compose.yml');
    const variables = new Set([...text.matchAll(/\$\{(\w+)(?::?[-?][^}]*)?\}/g)].map((match) => match[1]!));
    const docs = read('.env.example') + read('README.md');
    for (const name of variables) expect(docs.includes(name), `${name} is documented`).toBe(true);
  });
});
