import pg from 'pg';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AUTH_CLEANUP_QUEUE } from '../../src/auth/auth-cleanup.job.js';
import { JOBS_SCHEMA } from '../../src/jobs/job-queue.service.js';
import { horizontalOverflow, screenshot } from '../support/browser.js';
import { startBrowserApp, type BrowserApp } from '../support/browser-app.js';

interface SessionAnswer {
  token: string;
  refresh_token: string;
  expires_in: number;
  user: { id: string; username: string; role: string };
}

/** The admin Jobs page of the SPA against the real app (its real queues) in Chromium. */
describe('the Jobs admin page in a browser', () => {
  let running: BrowserApp;
  let page: Page;
  let admin: { username: string; password: string };
  let failedJobId: string;

  const sql = async <T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> => {
    const client = new pg.Client({ connectionString: running.database.url });
    await client.connect();
    try {
      return (await client.query<T>(text, values)).rows;
    } finally {
      await client.end();
    }
  };
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${running.app.baseUrl}${path}`, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
  const register = async (prefix: string) => {
    const username = `${prefix}${process.pid}x${Date.now() % 100_000}`;
    const account = { username, password: `Queue-tune-${Date.now() % 1000}7` };
    const session = await call<SessionAnswer>('POST', '/api/users', { email: `${username}@example.com`, ...account, role: 'user' });
    return { ...account, id: session.user.id };
  };
  const open = (path: string) => page.goto(`${running.app.baseUrl}${path}`);
  const signInAs = async (account: { username: string; password: string }) => {
    const answer = await call<SessionAnswer>('POST', '/api/login', { login: account.username, password: account.password });
    await open('/favicon.svg');
    const session = { token: answer.token, refreshToken: answer.refresh_token, expiresAt: Date.now() + answer.expires_in * 1000, user: answer.user };
    await page.evaluate(`localStorage.setItem('encore.session', ${JSON.stringify(JSON.stringify(session))})`);
  };

  beforeAll(async () => {
    running = await startBrowserApp();
    const account = await register('jobsadmin');
    await sql(`UPDATE users SET role = 'admin' WHERE id = $1`, [account.id]);
    admin = account;
    // A run of a real queue that failed (as a crash would leave it): retrying it runs the real job.
    const [failed] = await sql<{ id: string }>(
      `INSERT INTO ${JOBS_SCHEMA}.job (name, state, data, output, created_on, started_on, completed_on, retry_limit, retry_count, policy)
       VALUES ($1, 'failed', '{"trigger": "schedule"}', '{"name": "Error", "message": "database went away"}', now() - interval '10 minutes',
               now() - interval '10 minutes', now() - interval '9 minutes', 3, 3, 'stately') RETURNING id::text AS id`,
      [AUTH_CLEANUP_QUEUE],
    );
    failedJobId = failed!.id;
  }, 180_000);
  afterAll(() => running?.stop());

  beforeEach(async () => {
    page = await running.browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(10_000);
  });
  afterEach(() => page.close());

  it('an admin sees the schedules, finds the failed job with its error, retries it and sees it complete', async () => {
    await signInAs(admin);
    await open('/admin/songs');
    await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Jobs' }).click();
    await page.waitForURL('**/admin/jobs');

    const schedules = page.getByTestId('admin-schedules');
    const schedule = (queue: string) => schedules.getByTestId('schedule-row').filter({ has: page.getByRole('rowheader', { name: queue, exact: true }) });
    await expect.poll(() => schedule('genre-train').locator('code').textContent()).toBe('0 2 * * *');
    expect(await schedule(AUTH_CLEANUP_QUEUE).locator('code').textContent()).toBe('17 3 * * *');
    expect(await schedule(AUTH_CLEANUP_QUEUE).locator('td').nth(2).textContent()).toMatch(/^Failed/);

    const jobs = page.getByTestId('admin-jobs');
    await page.getByLabel('State', { exact: true }).selectOption('failed');
    const failed = jobs.getByTestId('job-row').filter({ hasText: failedJobId.slice(0, 8) });
    await expect.poll(() => failed.locator('.job-error').textContent()).toBe('database went away');
    expect(await failed.locator('td').nth(2).textContent()).toBe('1 min 0 s');
    expect(await failed.locator('td').nth(3).textContent()).toBe('4 of 4');
    await screenshot(page, 'admin-jobs');

    await failed.getByRole('button', { name: `Retry the ${AUTH_CLEANUP_QUEUE} job ${failedJobId.slice(0, 8)}` }).click();
    await expect.poll(() => page.getByText('No jobs match these filters.').isVisible()).toBe(true);
    await page.getByLabel('State', { exact: true }).selectOption('');
    const row = jobs.getByTestId('job-row').filter({ hasText: failedJobId.slice(0, 8) });
    await expect
      .poll(
        async () => {
          await page.getByRole('button', { name: 'Refresh' }).click();
          return row.locator('.job-state').textContent();
        },
        { timeout: 20_000, interval: 500 },
      )
      .toBe('Completed');
    expect(await row.getByRole('button', { name: /^Retry/ }).count()).toBe(0);
    expect(await row.locator('.job-error').textContent()).toBe('');
  }, 60_000);

  it('fits a 375 px phone, and tells a listener the page is not for them', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    await signInAs(admin);
    await open('/admin/jobs');
    await page.getByTestId('admin-jobs').waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'admin-jobs');

    await signInAs(await register('listener'));
    await open('/admin/jobs');
    await page.getByTestId('role-required').waitFor();
  });
});
