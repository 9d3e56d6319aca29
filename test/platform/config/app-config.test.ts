import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/platform/config/app-config.js';

describe('loadConfig', () => {
  it('uses the documented defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 3000, EMBEDDED_PG_PORT: 5433, EMBEDDED_PG_DIR: 'data/postgres', DATABASE_URL: undefined });
    expect(config.embeddedPgDir).toMatch(/\/data\/postgres$/);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: ' ' })).toMatchObject({ PORT: 3000, DATABASE_URL: undefined });
  });

  it('converts numbers and splits CORS origins', () => {
    const config = loadConfig({ PORT: '8080', CORS_ORIGINS: 'https://a.example, https://b.example' });
    expect(config.PORT).toBe(8080);
    expect(config.corsOrigins).toEqual(['https://a.example', 'https://b.example']);
  });

  it('names every bad variable with its value', () => {
    let error: unknown;
    try {
      loadConfig({ EMBEDDED_PG_PORT: '70000', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const { problems } = error as ConfigError;
    expect(problems.map((problem) => problem.split('=')[0]).sort()).toEqual(['DATABASE_URL', 'EMBEDDED_PG_PORT', 'LOG_LEVEL']);
    expect(problems.join('\n')).toContain('EMBEDDED_PG_PORT="70000"');
  });

  it('hides the password of a bad URL in the message', () => {
    expect(() => loadConfig({ SMTP_URL: 'http://mailer:s3cret@mail.example.com' })).toThrow(/SMTP_URL="http:\/\/mailer:\*\*\*\*@mail\.example\.com"/);
  });
});

describe('loadConfig rules across variables', () => {
  const problemsOf = (env: NodeJS.ProcessEnv) => {
    try {
      loadConfig(env);
      return [];
    } catch (error) {
      return (error as ConfigError).problems;
    }
  };

  it('demands JWT_SECRET in production, where a per-process key would sign everyone out on restart', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toContain('JWT_SECRET is required when NODE_ENV=production');
    expect(problemsOf({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32), ANALYTICS_TOKEN_KEY: 'ab'.repeat(32) })).toEqual([]);
  });

  it('demands ANALYTICS_TOKEN_KEY (32 bytes, hex or base64) in production, where a per-process key would lose every stored OAuth token on restart', () => {
    expect(problemsOf({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) })).toEqual(['ANALYTICS_TOKEN_KEY is required when NODE_ENV=production']);
    expect(problemsOf({ ANALYTICS_TOKEN_KEY: Buffer.alloc(32, 7).toString('base64') })).toEqual([]);
    expect(problemsOf({ ANALYTICS_TOKEN_KEY: 'ab'.repeat(31) })[0]).toMatch(/^ANALYTICS_TOKEN_KEY=.*must be 32 bytes/);
  });

  it('demands a bucket for S3 storage and both halves of an S3 key', () => {
    expect(problemsOf({ STORAGE_DRIVER: 's3' })).toEqual(['S3_BUCKET is required when STORAGE_DRIVER=s3']);
    expect(problemsOf({ S3_ACCESS_KEY_ID: 'AKIA' })).toEqual(['S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set together']);
  });

  it('refuses a pool of one connection, from which an import would wait for a second to build its indexes', () => {
    expect(problemsOf({ DATABASE_POOL_SIZE: '1' })).toEqual(['DATABASE_POOL_SIZE="1": DATABASE_POOL_SIZE must not be less than 2']);
    expect(problemsOf({ DATABASE_POOL_SIZE: '2' })).toEqual([]);
  });

  it('refuses a request budget too small for one expensive request, which could then never be made', () => {
    expect(problemsOf({ RATE_LIMIT_PER_ACCOUNT: '30', RATE_LIMIT_EXPENSIVE_COST: '40' })).toEqual([
      'RATE_LIMIT_PER_ACCOUNT (30) must be at least RATE_LIMIT_EXPENSIVE_COST (40), or no expensive request could ever be made',
    ]);
    expect(problemsOf({ RATE_LIMIT_PER_IP: '40', RATE_LIMIT_PER_ACCOUNT: '40' })).toEqual([]);
  });
});
