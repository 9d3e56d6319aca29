import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseJobSchedules } from '../../../src/platform/config/app-config.js';
import { failureMessage, nextCronTime, toJobDto } from '../../../src/platform/jobs/job-views.js';

const problemsOf = (JOB_SCHEDULES: string): string[] => {
  try {
    loadConfig({ JOB_SCHEDULES });
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
};

describe('JOB_SCHEDULES', () => {
  it('reads queue=cron pairs separated by ";", with "off", spaces and a trailing ";"', () => {
    const config = loadConfig({ JOB_SCHEDULES: ' analytics-fvs = 0  4 * * * ; analytics-sync=off;' });
    expect([...config.jobSchedules]).toEqual([
      ['analytics-fvs', '0 4 * * *'],
      ['analytics-sync', null],
    ]);
    expect(loadConfig({}).jobSchedules.size).toBe(0);
  });

  it('names what is wrong: the format, a cron of the wrong length or values, a queue named twice', () => {
    expect(problemsOf('analytics-fvs 0 4 * * *')).toEqual([
      'JOB_SCHEDULES: "analytics-fvs 0 4 * * *" is not queue=cron (queue=cron pairs separated by ";", e.g. analytics-fvs=0 4 * * *;analytics-sync=off)',
    ]);
    expect(problemsOf('a=0 4 * *')).toEqual(['JOB_SCHEDULES: the cron of "a" ("0 4 * *") must have 5 fields (minute hour day month weekday) or be "off"']);
    expect(problemsOf('a=*/10 * * * * *')[0]).toMatch(/must have 5 fields .*; jobs run at most once a minute, so there is no seconds field$/);
    expect(problemsOf('a=61 4 * * *')[0]).toMatch(/^JOB_SCHEDULES: the cron of "a" \("61 4 \* \* \*"\) is not valid: /);
    expect(problemsOf('a=off;a=0 1 * * *')).toEqual(['JOB_SCHEDULES: queue "a" is named twice']);
    expect(parseJobSchedules('a=off;b c=off').problems).toHaveLength(1);
  });
});

describe('job views', () => {
  it('finds the message of a failure as pg-boss stores it', () => {
    expect(failureMessage({ name: 'Error', message: 'boom', stack: 'Error: boom\n  at ...' })).toBe('boom');
    expect(failureMessage({ value: { message: 'job failed by timeout in active state' } })).toBe('job failed by timeout in active state');
    expect(failureMessage({ value: 'pg-boss shut down while active' })).toBe('pg-boss shut down while active');
    expect(failureMessage(null)).toBeNull();
  });

  it('shows a failed job’s error without its stack, and a completed job’s output and duration', () => {
    const base = {
      id: 'x',
      name: 'q',
      data: {},
      created_on: new Date(0),
      started_on: new Date(1_000),
      completed_on: new Date(3_500),
      retry_count: 1,
      retry_limit: 1,
    };
    expect(toJobDto({ ...base, state: 'failed', output: { message: 'boom', stack: 'secret paths' } })).toMatchObject({
      error: 'boom',
      output: null,
      duration_ms: 2_500,
    });
    expect(toJobDto({ ...base, state: 'completed', output: { ok: true } })).toMatchObject({ error: null, output: { ok: true }, duration_ms: 2_500 });
    expect(toJobDto({ ...base, state: 'cancelled', output: null })).toMatchObject({ error: null, duration_ms: null });
  });

  it('computes the next cron time in UTC', () => {
    expect(nextCronTime('0 4 * * *', new Date('2026-11-23T03:59:59Z')).toISOString()).toBe('2026-11-23T04:00:00.000Z');
    expect(nextCronTime('0 8 * * 1', new Date('2026-11-23T08:00:00Z')).toISOString()).toBe('2026-11-30T08:00:00.000Z');
  });
});
