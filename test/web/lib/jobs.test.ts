import { describe, expect, it } from 'vitest';
import { canRetry, formatAttempts, formatCron, formatJobDuration } from '../../../web/src/lib/jobs.js';

describe('the Jobs page’s wording', () => {
  it('words durations from milliseconds to hours', () => {
    expect([850, 12_340, 184_000, 7_500_000].map(formatJobDuration)).toEqual(['850 ms', '12.3 s', '3 min 4 s', '2 h 5 min']);
  });

  it('counts attempts as the first run plus retries, and shows a missing cron as off', () => {
    expect([formatAttempts(0, 3), formatAttempts(2, 2)]).toEqual(['1 of 4', '3 of 3']);
    expect([formatCron('0 4 * * *'), formatCron(null)]).toEqual(['0 4 * * *', 'off']);
  });

  it('offers Retry on failed and cancelled jobs only', () => {
    expect((['created', 'retry', 'active', 'completed', 'cancelled', 'failed'] as const).filter(canRetry)).toEqual(['cancelled', 'failed']);
  });
});
