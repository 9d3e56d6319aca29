import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { plainToInstance, Type } from 'class-transformer';
import cronParser from 'cron-parser';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';
import { projectRoot } from './paths.js';

const LOG_LEVELS = ['error', 'warn', 'log', 'debug', 'verbose'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
const LOG_FORMATS = ['json', 'pretty'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

/**
 * Every environment variable the app reads, with its default.
 * `.env.example` and docs/configuration.md document the same list (test/platform/config/configuration-docs.test.ts checks).
 */
export class AppConfig {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @IsString()
  HOST = '127.0.0.1';

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  /** An external PostgreSQL server; when unset the app runs its own embedded one. */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgresql:// connection string' })
  DATABASE_URL?: string;

  @IsString()
  EMBEDDED_PG_DIR = 'data/postgres';

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  EMBEDDED_PG_PORT = 5433;

  @IsOptional()
  @IsString()
  @MinLength(8)
  EMBEDDED_PG_PASSWORD?: string;

  /** At least two: an import holds one connection for its whole run (and builds the song indexes on it and a second). */
  @Type(() => Number)
  @IsInt()
  @Min(2)
  @Max(200)
  DATABASE_POOL_SIZE = 10;

  /** How long a query or connection attempt may take before the request fails with 503. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  DATABASE_TIMEOUT_MS = 5000;

  /** Songs without a hit label are hits when their Spotify popularity reaches this. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(100)
  HIT_POPULARITY_THRESHOLD = 50;

  /**
   * Megabytes of dataset search answers (their JSON text) each server keeps, to give again while
   * the songs have not changed (docs/benchmarks.md); 0 keeps none, so every search runs its queries.
   */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1024)
  DATASET_SEARCH_KEPT_MB = 8;

  /**
   * Worker threads reading CSV uploads, validating rows that are not all numbers and explaining
   * batch predictions (POST /api/predict/batch) off the event loop (rows of numbers are checked on
   * it, in slices; the model runs on the server's session, in chunks). One leaves the other cores
   * to the other requests.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(64)
  BATCH_PREDICTION_THREADS = 1;

  /** Folder of trained model files (relative paths are taken from the project root). */
  @IsString()
  MODELS_DIR = 'models';

  /** Signs access tokens (HS256); required in production. Unset elsewhere: a random key per process. */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;

  /** How long an access token lives, in seconds. */
  @Type(() => Number)
  @IsInt()
  @Min(30)
  @Max(86_400)
  ACCESS_TOKEN_TTL_SECONDS = 900;

  /** How long a refresh token lives unused, in days. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(365)
  REFRESH_TOKEN_TTL_DAYS = 30;

  /** Failed logins allowed per account, and per client IP, within LOGIN_WINDOW_MINUTES. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  LOGIN_MAX_FAILURES_PER_ACCOUNT = 5;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  LOGIN_MAX_FAILURES_PER_IP = 20;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1440)
  LOGIN_WINDOW_MINUTES = 15;

  /** Express "trust proxy": set (e.g. 1, or loopback) behind a reverse proxy so rate limits see client IPs. */
  @IsOptional()
  @IsString()
  TRUST_PROXY?: string;

  /** How long a client may take to send a request's headers before it gets 408 and is closed. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  HTTP_HEADERS_TIMEOUT_MS = 15_000;

  /** How long a client may take to send a whole request, body included (a 50 MB upload at 4 Mbit/s takes 100 s). */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  HTTP_REQUEST_TIMEOUT_MS = 120_000;

  /** How long an idle keep-alive connection stays open; behind a load balancer, above its idle timeout. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  HTTP_KEEP_ALIVE_TIMEOUT_MS = 5_000;

  /** Request limits on every route, per client IP and per account (docs/request-limits.md); "false" turns them off. */
  @IsIn(['true', 'false'])
  RATE_LIMIT_ENABLED: 'true' | 'false' = 'true';

  /** The length of one counting window, in seconds: budgets are per window. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(3600)
  RATE_LIMIT_WINDOW_SECONDS = 60;

  /** Cost units one client IP (IPv6: its /64) may spend per window; an ordinary request costs 1. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  RATE_LIMIT_PER_IP = 1200;

  /** Cost units one signed-in account may spend per window, from every IP together. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  RATE_LIMIT_PER_ACCOUNT = 600;

  /** What an expensive request costs (batch prediction, exports, imports, bulk leads, registration). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  RATE_LIMIT_EXPENSIVE_COST = 40;

  /** How often each instance adds its counts to the shared ones in PostgreSQL, in milliseconds. */
  @Type(() => Number)
  @IsInt()
  @Min(50)
  @Max(60_000)
  RATE_LIMIT_SYNC_MS = 250;

  /** Where uploaded audio and images live: local disk (MEDIA_DIR) or an S3-compatible bucket. */
  @IsIn(['local', 's3'])
  STORAGE_DRIVER: 'local' | 's3' = 'local';

  @IsString()
  MEDIA_DIR = 'data/media';

  @IsOptional()
  @IsString()
  S3_BUCKET?: string;

  @IsString()
  S3_REGION = 'us-east-1';

  /** An S3-compatible endpoint (MinIO, R2, ...); unset for AWS. */
  @IsOptional()
  @Matches(/^https?:\/\/.+/, { message: 'S3_ENDPOINT must be an http(s) URL' })
  S3_ENDPOINT?: string;

  @IsOptional()
  @IsString()
  S3_ACCESS_KEY_ID?: string;

  @IsOptional()
  @IsString()
  S3_SECRET_ACCESS_KEY?: string;

  /** When the genre model is retrained (cron, UTC); "off" for never. */
  @Matches(/^(off|\S+( \S+){4,5})$/, { message: 'GENRE_TRAIN_CRON must be a cron expression (5 or 6 fields) or "off"' })
  GENRE_TRAIN_CRON = '0 2 * * *';

  /** How often each instance checks the job schedules, in seconds (1–45). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(45)
  JOB_CRON_CHECK_SECONDS = 30;

  /**
   * Overrides of job schedules: `queue=cron` pairs separated by ";" (5-field cron, UTC, or
   * "off"), e.g. `analytics-fvs=0 4 * * *;analytics-sync=off`. Checked by loadConfig.
   */
  @IsString()
  JOB_SCHEDULES = '';

  /** The original's variable: when set, each genre training also copies its ONNX model to this path. */
  @IsOptional()
  @IsString()
  MODELO_GENERO_ENTRENADO?: string;

  /** Spotify app credentials (client-credentials flow); without them songs come from the dataset only. */
  @IsOptional()
  @IsString()
  SPOTIFY_CLIENT_ID?: string;

  @IsOptional()
  @IsString()
  SPOTIFY_CLIENT_SECRET?: string;

  /** The market (ISO 3166-1 alpha-2) Spotify answers for: availability and preview links depend on it. */
  @Matches(/^[A-Z]{2}$/, { message: 'SPOTIFY_MARKET must be a two-letter country code such as US' })
  SPOTIFY_MARKET = 'US';

  /** How long one Spotify request may take before it counts as failed (and is retried). */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  SPOTIFY_TIMEOUT_MS = 5000;

  /** Retries of a Spotify request after a 5xx, a network error, a timeout or a 429. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(10)
  SPOTIFY_MAX_RETRIES = 3;

  /**
   * Where Spotify sends the browser back after an artist connects a Spotify account (OAuth
   * authorization code); must be registered, exactly, as a Redirect URI of the Spotify app.
   */
  @Matches(/^https?:\/\/[^\s#]+$/, { message: 'SPOTIFY_REDIRECT_URI must be an http(s) URL without a fragment' })
  SPOTIFY_REDIRECT_URI = 'http://localhost:3000/api/analytics/spotify/callback';

  /** MusicBrainz's web service (ws/2), for Leads; another address for a mirror or a test fake. */
  @Matches(/^https?:\/\/[^\s?#]+$/, { message: 'MUSICBRAINZ_BASE_URL must be an http(s) URL without query or fragment, such as https://musicbrainz.org/ws/2' })
  MUSICBRAINZ_BASE_URL = 'https://musicbrainz.org/ws/2';

  /** Who to contact about this app's MusicBrainz traffic (a URL or an e-mail address), sent in the User-Agent as MusicBrainz asks. */
  @IsOptional()
  @IsString()
  MUSICBRAINZ_CONTACT?: string;

  /** The whole User-Agent sent to MusicBrainz, instead of Encore/<version> ( MUSICBRAINZ_CONTACT ). */
  @IsOptional()
  @IsString()
  MUSICBRAINZ_USER_AGENT?: string;

  /** At least this long between two MusicBrainz requests, across every worker of every instance (MusicBrainz allows 1 per second). */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  MUSICBRAINZ_MIN_INTERVAL_MS = 1000;

  /** How long one MusicBrainz request may take before it counts as failed (and is retried). */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  MUSICBRAINZ_TIMEOUT_MS = 10_000;

  /** Retries of a MusicBrainz request after a 502/503/504, a network error, a timeout or a 429. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(10)
  MUSICBRAINZ_MAX_RETRIES = 4;

  /** How long a MusicBrainz answer is kept in the source_cache table, in hours; a "not found" answer, MUSICBRAINZ_NOT_FOUND_TTL_HOURS. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  MUSICBRAINZ_CACHE_TTL_HOURS = 168;

  @Type(() => Number)
  @IsInt()
  @Min(0)
  MUSICBRAINZ_NOT_FOUND_TTL_HOURS = 24;

  /** A YouTube Data API v3 key (Google Cloud console); without it Leads does not ask YouTube. */
  @IsOptional()
  @IsString()
  YOUTUBE_API_KEY?: string;

  /** The YouTube Data API v3; another address for a test fake. */
  @Matches(/^https?:\/\/[^\s?#]+$/, {
    message: 'YOUTUBE_BASE_URL must be an http(s) URL without query or fragment, such as https://www.googleapis.com/youtube/v3',
  })
  YOUTUBE_BASE_URL = 'https://www.googleapis.com/youtube/v3';

  /** Quota units the key may spend per day (Google's default: 10,000; search.list costs 100, channels.list and playlistItems.list 1). */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  YOUTUBE_DAILY_QUOTA = 10_000;

  /** How long YouTube answers are kept in the source_cache table, in hours. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  YOUTUBE_CACHE_TTL_HOURS = 24;

  /** How long one YouTube request may take before it counts as failed (and is retried). */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  YOUTUBE_TIMEOUT_MS = 10_000;

  /** Retries of a YouTube request after a 5xx, a network error, a timeout or a 429 (each retry spends quota again). */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(10)
  YOUTUBE_MAX_RETRIES = 2;

  /** A Last.fm API key (https://www.last.fm/api/account/create); without it Leads does not ask Last.fm. */
  @IsOptional()
  @IsString()
  LASTFM_API_KEY?: string;

  /** Last.fm's API 2.0 endpoint; another address for a test fake. */
  @Matches(/^https?:\/\/[^\s?#]+$/, { message: 'LASTFM_BASE_URL must be an http(s) URL without query or fragment, such as https://ws.audioscrobbler.com/2.0/' })
  LASTFM_BASE_URL = 'https://ws.audioscrobbler.com/2.0/';

  /** At least this long between two Last.fm requests, across every worker of every instance (shared through the database). */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  LASTFM_MIN_INTERVAL_MS = 200;

  /** How long one Last.fm request may take before it counts as failed (and is retried). */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  LASTFM_TIMEOUT_MS = 10_000;

  /** Retries of a Last.fm request after a 5xx, a network error, a timeout, a 429 or a "try again" error (8, 11, 16, 29). */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(10)
  LASTFM_MAX_RETRIES = 3;

  /** How long Last.fm answers are kept in the source_cache table, in hours. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  LASTFM_CACHE_TTL_HOURS = 24;

  /** How long Spotify's answers for Leads (an ISRC's track, album and artist) are kept in the source_cache table, in hours. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  SPOTIFY_LEADS_CACHE_TTL_HOURS = 24;

  /** Leads' geography targets: region=COUNTRIES:points entries and other=points (read and checked by src/features/leads/scoring/geography-targets.ts); empty: NZ 30, AU 25, Pacific 20, other 5. */
  @IsString()
  LEADS_GEOGRAPHY_TARGETS = '';

  /**
   * Encrypts connected platforms' OAuth tokens at rest (AES-256-GCM): 32 bytes as 64 hex digits or
   * base64. Required in production; unset elsewhere, a random key of this process.
   */
  @IsOptional()
  @Matches(/^([0-9a-fA-F]{64}|[A-Za-z0-9+/_-]{43}=?)$/, {
    message: 'ANALYTICS_TOKEN_KEY must be 32 bytes as 64 hex digits or base64 (openssl rand -base64 32)',
  })
  ANALYTICS_TOKEN_KEY?: string;

  /** Stripe secret key (sk_...): when set, paid plans go through Stripe; unset, through the built-in manual provider. */
  @IsOptional()
  @IsString()
  STRIPE_SECRET_KEY?: string;

  /** Signing secret of the Stripe webhook endpoint (whsec_...): POST /api/payments/webhook verifies every event with it. */
  @IsOptional()
  @IsString()
  STRIPE_WEBHOOK_SECRET?: string;

  /** Another Stripe API address (stripe-mock, a test fake); unset for Stripe itself. */
  @IsOptional()
  @Matches(/^https?:\/\/[^/]+\/?$/, { message: 'STRIPE_API_BASE must be an http(s) URL without a path, such as http://localhost:12111' })
  STRIPE_API_BASE?: string;

  /**
   * The web app's public address (https://encore.example.com), where Stripe Checkout and the
   * billing portal send listeners back; unset, the address the request came to.
   */
  @IsOptional()
  @Matches(/^https?:\/\/[^\s/?#]+\/?$/, { message: 'APP_PUBLIC_URL must be an http(s) URL without a path, such as https://encore.example.com' })
  APP_PUBLIC_URL?: string;

  /** Stripe price ids (price_...) of the paid plans; a plan without one cannot be bought through Stripe. */
  @IsOptional()
  @IsString()
  STRIPE_PRICE_PREMIUM?: string;

  @IsOptional()
  @IsString()
  STRIPE_PRICE_DUO?: string;

  @IsOptional()
  @IsString()
  STRIPE_PRICE_FAMILY?: string;

  @IsOptional()
  @IsString()
  STRIPE_PRICE_STUDENT?: string;

  /** SMTP server mail is delivered through (smtp://user:pass@host:587, smtps:// for TLS from the start); unset, mail is kept in the email_outbox table. */
  @IsOptional()
  @Matches(/^smtps?:\/\/[^\s/?#]+(\/[^\s]*)?$/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL, such as smtp://user:pass@mail.example.com:587' })
  SMTP_URL?: string;

  /** The sender of Encore's mail, "Name <address>" or an address. */
  @IsString()
  MAIL_FROM = 'Encore <no-reply@localhost>';

  /** Comma-separated origins allowed to call the API from a browser; empty means same origin only. */
  @IsString()
  CORS_ORIGINS = '';

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: LogLevel = 'log';

  /** json: one JSON object per line (pino), for log collectors; pretty: Nest's coloured console lines. Unset: json in production, else pretty. */
  @IsOptional()
  @IsIn(LOG_FORMATS)
  LOG_FORMAT?: LogFormat;

  /** When set, GET /api/metrics answers only `Authorization: Bearer <METRICS_TOKEN>`; unset, it is public, except in production (404). */
  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'METRICS_TOKEN must be at least 16 characters (e.g. openssl rand -hex 32)' })
  METRICS_TOKEN?: string;

  /** LOG_FORMAT, or its default for NODE_ENV. */
  get logFormat(): LogFormat {
    return this.LOG_FORMAT ?? (this.NODE_ENV === 'production' ? 'json' : 'pretty');
  }

  /** EMBEDDED_PG_DIR as an absolute path (relative paths are taken from the project root). */
  get embeddedPgDir(): string {
    return isAbsolute(this.EMBEDDED_PG_DIR) ? this.EMBEDDED_PG_DIR : join(projectRoot, this.EMBEDDED_PG_DIR);
  }

  get modelsDir(): string {
    return isAbsolute(this.MODELS_DIR) ? this.MODELS_DIR : join(projectRoot, this.MODELS_DIR);
  }

  /** MODELO_GENERO_ENTRENADO as an absolute path (relative paths are taken from the project root). */
  get genreModelCopyPath(): string | undefined {
    const path = this.MODELO_GENERO_ENTRENADO;
    return path && !isAbsolute(path) ? join(projectRoot, path) : path;
  }

  /** MEDIA_DIR as an absolute path (relative paths are taken from the project root). */
  get mediaDir(): string {
    return isAbsolute(this.MEDIA_DIR) ? this.MEDIA_DIR : join(projectRoot, this.MEDIA_DIR);
  }

  /** JOB_SCHEDULES by queue: a cron expression, or null for "off". */
  get jobSchedules(): Map<string, string | null> {
    return parseJobSchedules(this.JOB_SCHEDULES).schedules;
  }

  get rateLimitEnabled(): boolean {
    return this.RATE_LIMIT_ENABLED === 'true';
  }

  get spotifyConfigured(): boolean {
    return Boolean(this.SPOTIFY_CLIENT_ID && this.SPOTIFY_CLIENT_SECRET);
  }

  get corsOrigins(): string[] {
    return this.CORS_ORIGINS.split(',')
      .map((origin) => origin.trim())
      .filter(Boolean);
  }
}

const JOB_SCHEDULES_FORMAT = 'queue=cron pairs separated by ";", e.g. analytics-fvs=0 4 * * *;analytics-sync=off';

/**
 * Reads JOB_SCHEDULES: `queue=cron` pairs separated by ";", where cron has 5 fields (UTC) or is
 * "off". Seconds are refused: pg-boss looks at schedules at most once a minute per queue.
 */
export function parseJobSchedules(text: string): { schedules: Map<string, string | null>; problems: string[] } {
  const schedules = new Map<string, string | null>();
  const problems: string[] = [];
  for (const entry of text
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const [, queue, cronText] = /^([\w-]+)\s*=\s*(.+)$/.exec(entry) ?? [];
    if (queue === undefined || cronText === undefined) {
      problems.push(`JOB_SCHEDULES: "${entry}" is not queue=cron (${JOB_SCHEDULES_FORMAT})`);
      continue;
    }
    const cron = cronText.trim().split(/\s+/).join(' ');
    if (schedules.has(queue)) problems.push(`JOB_SCHEDULES: queue "${queue}" is named twice`);
    if (cron === 'off') {
      schedules.set(queue, null);
      continue;
    }
    const fields = cron.split(' ').length;
    if (fields !== 5) {
      problems.push(
        `JOB_SCHEDULES: the cron of "${queue}" ("${cron}") must have 5 fields (minute hour day month weekday) or be "off"${fields === 6 ? '; jobs run at most once a minute, so there is no seconds field' : ''}`,
      );
      continue;
    }
    try {
      cronParser.parseExpression(cron, { tz: 'UTC' });
      schedules.set(queue, cron);
    } catch (error) {
      problems.push(`JOB_SCHEDULES: the cron of "${queue}" ("${cron}") is not valid: ${(error as Error).message}`);
    }
  }
  return { schedules, problems };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** A URL's password must not reach logs through a configuration error (DATABASE_URL, SMTP_URL). */
const withoutPassword = (value: string | undefined) => value?.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@\s]*:)[^@\s]*@/i, '$1****@');

/**
 * A check of variables whose format a feature owns (the platform knows no feature): the problems
 * it finds, each naming its variable. The app's entry points pass the features' checks.
 */
export type ConfigCheck = (config: AppConfig) => string[];

/** Reads `.env` (when present) under the real environment, then validates, with the features' checks. Throws ConfigError. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, featureChecks: readonly ConfigCheck[] = []): AppConfig {
  const envFile = join(projectRoot, '.env');
  if (env === process.env && existsSync(envFile)) process.loadEnvFile(envFile);
  const known = Object.keys(new AppConfig());
  // An empty variable means "use the default", as in most .env tooling.
  const raw: Record<string, string> = Object.fromEntries(known.filter((key) => env[key]?.trim()).map((key) => [key, env[key]!.trim()]));
  const config = plainToInstance(AppConfig, raw, { exposeDefaultValues: true });
  const problems = validateSync(config).map(
    (error) => `${error.property}=${JSON.stringify(withoutPassword(raw[error.property]))}: ${Object.values(error.constraints ?? {}).join('; ')}`,
  );
  // Secrets are never defaulted where it matters: tokens signed by a per-process key would not survive a restart.
  if (config.NODE_ENV === 'production' && !config.JWT_SECRET) problems.push('JWT_SECRET is required when NODE_ENV=production');
  if (config.NODE_ENV === 'production' && !config.ANALYTICS_TOKEN_KEY) problems.push('ANALYTICS_TOKEN_KEY is required when NODE_ENV=production');
  if (config.STORAGE_DRIVER === 's3' && !config.S3_BUCKET) problems.push('S3_BUCKET is required when STORAGE_DRIVER=s3');
  if (Boolean(config.S3_ACCESS_KEY_ID) !== Boolean(config.S3_SECRET_ACCESS_KEY))
    problems.push('S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set together');
  for (const budget of ['RATE_LIMIT_PER_IP', 'RATE_LIMIT_PER_ACCOUNT'] as const) {
    if (config[budget] < config.RATE_LIMIT_EXPENSIVE_COST)
      problems.push(
        `${budget} (${config[budget]}) must be at least RATE_LIMIT_EXPENSIVE_COST (${config.RATE_LIMIT_EXPENSIVE_COST}), or no expensive request could ever be made`,
      );
  }
  problems.push(...parseJobSchedules(config.JOB_SCHEDULES).problems);
  for (const check of featureChecks) problems.push(...check(config));
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
