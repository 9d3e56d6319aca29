import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AUTH_CLEANUP_QUEUE } from '../../src/features/auth/auth-cleanup.job.js';
import { JOBS_SCHEMA } from '../../src/platform/jobs/job-queue.service.js';
import { horizontalOverflow, screenshot } from '../support/browser.js';
import { startBrowserApp, type BrowserApp } from '../support/browser-app.js';
import { browserSession, type Credentials } from '../support/browser-session.js';

/** The admin Jobs page of the SPA against the real app (its real queues) in Chromium. */
describe('the Jobs admin page in a browser', () => {
  let running: BrowserApp;
  let page: Page;
  let admin: Credentials;
  let failedJobId: string;

  const open = (path: string) => page.goto(`${running.app.baseUrl}${path}`);
  const { sql, register, registerAdmin, signInAs } = browserSession(
    () => running,
    () => page,
  );

  beforeAll(async () => {
    running = await startBrowserApp();
    admin = await registerAdmin('jobsadmin');
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
    page = await running.newPage();
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

    await signInAs(await register('user', 'listener'));
    await open('/admin/jobs');
    await page.getByTestId('role-required').waitFor();
  });
});
