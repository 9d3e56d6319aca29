import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { horizontalOverflow, screenshot } from '../support/browser.js';
import { startBrowserApp, type BrowserApp } from '../support/browser-app.js';
import { browserSession, type RegisteredAccount } from '../support/browser-session.js';
import { FakeMusicBrainz, REALISTIC } from '../support/fake-musicbrainz.js';

/** Known to no source: a bulk job's failure. */
const UNKNOWN_ISRC = 'GBAYE0000001';

/**
 * The Leads section of the SPA against the real app in Chromium, its sources a fake MusicBrainz
 * with realistic recordings (Spotify, Last.fm and YouTube are not set up). A new install starts
 * with the demo leads; the tests add to them and build on each other: one ISRC analysed, then a
 * bulk job, then the list, a lead, the dashboard.
 */
describe('the Leads pages in a browser', () => {
  const musicBrainz = new FakeMusicBrainz();
  let running: BrowserApp;
  let page: Page;
  let admin: RegisteredAccount;
  let listener: RegisteredAccount;

  const open = (path: string) => page.goto(`${running.app.baseUrl}${path}`);
  const { call, register, registerAdmin, signInAs } = browserSession(
    () => running,
    () => page,
  );
  const leadRows = () => page.getByTestId('lead-table').getByTestId('lead-row');
  const leadNames = () => leadRows().getByRole('rowheader').getByRole('link').allTextContents();

  beforeAll(async () => {
    await musicBrainz.start();
    musicBrainz.addRealisticFixtures();
    running = await startBrowserApp(musicBrainz.env());
    [admin, listener] = await Promise.all([registerAdmin('leadsadmin'), register('user', 'listener')]);
  }, 180_000);
  afterAll(async () => {
    await running?.stop();
    await musicBrainz.stop();
  });

  beforeEach(async () => {
    page = await running.newPage();
  });
  afterEach(() => page.close());

  it('an admin opens Leads from the menu and analyses a pasted ISRC: an A-tier lead with its breakdown, reasons and sources', async () => {
    await signInAs(admin);
    await open('/catalog');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Leads' }).click();
    await page.waitForURL('**/leads');
    await page.getByTestId('lead-table').waitFor();
    await page.getByRole('navigation', { name: 'Leads' }).getByRole('link', { name: 'Analyse' }).click();
    await page.waitForURL('**/leads/analyze');

    // The API names the wrong part; the page says it next to the field.
    const field = page.getByLabel('ISRCs', { exact: true });
    await field.fill('US-RC1-7X-07839');
    await page.getByRole('button', { name: 'Analyse', exact: true }).click();
    await expect.poll(() => page.getByTestId('form-error').textContent()).toContain('the year');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await field.getAttribute('aria-describedby')).toContain('isrc-list-error');

    await field.fill(' nz-th1-24-00031 ');
    await page.getByRole('button', { name: 'Analyse', exact: true }).click();
    const result = page.getByTestId('analysis-result');
    await expect.poll(() => result.getByTestId('analysis-tier').getAttribute('data-value')).toBe('A');
    expect(await result.getByRole('heading', { level: 2 }).textContent()).toBe('Tui Harbour');
    expect(await result.getByTestId('score-component').count()).toBe(3);
    expect(await result.getByTestId('lead-reasons').locator('li').first().textContent()).toMatch(/self-released/i);
    expect(await result.getByTestId('source-outcomes').locator('li').filter({ hasText: 'MusicBrainz' }).textContent()).toContain('Answered');
    expect(await page.getByTestId('form-error').count()).toBe(0);
    await screenshot(page, 'leads-analysis');
  });

  it('three pasted ISRCs run as a bulk job, followed to completed with its progress and the failure’s reason', async () => {
    await signInAs(admin);
    await open('/leads/analyze');
    await page.getByLabel('ISRCs', { exact: true }).fill([REALISTIC.isrcs.dashboard, REALISTIC.isrcs.islandTime, UNKNOWN_ISRC].join('\n'));
    await page.getByRole('button', { name: 'Analyse 3 ISRCs' }).click();
    await page.waitForURL((url) => url.searchParams.has('job'));
    expect(await page.getByTestId('bulk-queued').textContent()).toBe('3 ISRCs queued');

    await expect.poll(() => page.getByTestId('bulk-state').getAttribute('data-value'), { timeout: 30_000 }).toBe('completed');
    const bar = page.getByRole('progressbar', { name: 'ISRCs analysed' });
    await expect.poll(() => bar.getAttribute('aria-valuenow')).toBe('3');
    expect(await bar.getAttribute('aria-valuetext')).toBe('3 of 3 ISRCs analysed');
    expect(await page.getByTestId('bulk-progress').textContent()).toContain('2 done · 1 failed · 0 waiting');
    const failure = page.getByTestId('bulk-failures').locator('tbody tr');
    expect(await failure.count()).toBe(1);
    expect(await failure.textContent()).toContain(UNKNOWN_ISRC);
    expect(await failure.textContent()).toContain('no recording with this ISRC');
    await screenshot(page, 'leads-bulk');

    await page.getByTestId('bulk-done').getByRole('link', { name: 'See the leads' }).click();
    await page.waitForURL('**/leads');
    await expect.poll(leadNames).toEqual(expect.arrayContaining(['Tui Harbour', 'The Saltbush Parade', 'Lagi Faʻatasi']));
  });

  it('the list filters by tier and sorts, in the address; the CSV export holds the filtered leads', async () => {
    await signInAs(admin);
    await open('/leads');
    await leadRows().first().waitFor();
    const all = await leadRows().count();
    const tierValues = () =>
      leadRows()
        .getByTestId('lead-tier')
        .evaluateAll((badges) => badges.map((badge) => badge.getAttribute('data-value')));
    const scores = async () => (await leadRows().getByTestId('lead-score').allTextContents()).map(Number);

    // The Saltbush Parade is C: an indie label's band (Tui Harbour and Lagi Faʻatasi, self-released in the regions scouted, are A).
    await page.getByRole('checkbox', { name: 'C', exact: true }).check();
    await page.waitForURL((url) => url.searchParams.get('tier') === 'C');
    await expect.poll(async () => new Set(await tierValues())).toEqual(new Set(['C']));
    const shown = await leadNames();
    expect(shown).toContain('The Saltbush Parade');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^encore-leads-\d{4}-\d{2}-\d{2}\.csv$/);
    const [header, ...rows] = (await readFile((await download.path())!, 'utf8'))
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(header).toMatch(/^Rank,Artist,Artist ID,Tier,Total score,/);
    expect(rows).toHaveLength(shown.length);
    expect(rows.find((row) => row.includes('The Saltbush Parade'))).toMatch(/^\d+,The Saltbush Parade,[0-9a-f-]{36},C,/);

    // A reload keeps the filters: they live in the address.
    await page.reload();
    await expect.poll(leadNames).toEqual(shown);
    expect(await page.getByRole('checkbox', { name: 'C', exact: true }).isChecked()).toBe(true);
    await page.getByRole('checkbox', { name: 'C', exact: true }).uncheck();
    await expect.poll(() => leadRows().count()).toBe(all);

    // Best first by default; the Score heading turns it round.
    expect(await page.getByRole('columnheader', { name: 'Score' }).getAttribute('aria-sort')).toBe('descending');
    await page.getByRole('button', { name: 'Score' }).click();
    await page.waitForURL((url) => url.searchParams.get('ordering') === 'total_score');
    await expect.poll(scores).toEqual([...(await scores())].sort((a, b) => a - b));
    expect(await page.getByRole('columnheader', { name: 'Score' }).getAttribute('aria-sort')).toBe('ascending');
    await page.getByRole('button', { name: 'Artist' }).click();
    await page.waitForURL((url) => url.searchParams.get('ordering') === 'artist_name');
    expect(await page.getByRole('columnheader', { name: 'Artist' }).getAttribute('aria-sort')).toBe('ascending');
    await screenshot(page, 'leads-list');
  });

  it('a lead’s page: breakdown, contacts as safe links, recordings; its outreach status and notes are kept in the history', async () => {
    await signInAs(admin);
    await open('/leads');
    await leadRows().getByRole('link', { name: 'Tui Harbour' }).click();
    await page.waitForURL('**/leads/artists/*');
    await page.getByRole('heading', { level: 1, name: 'Tui Harbour' }).waitFor();
    expect(await page.getByTestId('lead-tier').getAttribute('data-value')).toBe('A');
    expect(await page.getByTestId('lead-breakdown').getByTestId('score-component').count()).toBe(3);
    // Scored on: Tui Harbour's discography and song were found, Spotify was not asked.
    const inputs = page.getByTestId('lead-breakdown').getByTestId('scoring-inputs');
    expect(await inputs.locator('[data-fact="release_count"]').textContent()).toContain('1 release group');
    expect(await inputs.locator('[data-fact="has_publisher"]').getAttribute('data-known')).toBe('true');
    expect(await inputs.locator('[data-fact="spotify_followers"]').textContent()).toContain('Unknown');
    const instagram = page.getByTestId('lead-contacts').getByRole('link', { name: 'https://www.instagram.com/tuiharbour.music/' });
    expect([await instagram.getAttribute('target'), await instagram.getAttribute('rel')]).toEqual(['_blank', 'noopener noreferrer']);
    expect(await page.getByTestId('lead-recordings').locator('tbody tr').first().textContent()).toContain(REALISTIC.isrcs.lowTide);

    // YouTube is not set up here: asking again says so.
    await page.getByRole('button', { name: 'Refresh YouTube' }).click();
    await expect.poll(() => page.getByTestId('lead-youtube').getByTestId('form-error').textContent()).toMatch(/YouTube/);

    await page.getByLabel('Outreach status').selectOption('contacted');
    await page.getByLabel('Notes').fill('Emailed via the website form');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await page.reload();
    const latest = page.getByTestId('outreach-event').first();
    await latest.waitFor();
    expect(await latest.textContent()).toContain('Contacted');
    expect(await latest.textContent()).toContain('Emailed via the website form');
    expect(await latest.textContent()).toContain(admin.username);
    expect(await page.getByLabel('Outreach status').inputValue()).toBe('contacted');
    await screenshot(page, 'leads-lead');
  });

  it('the dashboard counts the leads per tier and per genre as the API does and shows the sources; the YouTube page filters opportunities by kind', async () => {
    const session = await signInAs(admin);
    const stats = await call<{ leads: number; by_tier: Record<string, number>; by_genre: Array<{ genre: string; count: number }> }>(
      'GET',
      '/api/leads/dashboard/stats',
      undefined,
      session.token,
    );
    expect(stats.by_tier['A']).toBeGreaterThanOrEqual(2);
    await open('/leads/dashboard');
    const tiers = page.getByTestId('tier-chart');
    await expect.poll(() => tiers.getByTestId('count-bar').count()).toBe(4);
    const perTier = ['A', 'B', 'C', 'D'].map((tier) => `Tier ${tier} ${stats.by_tier[tier]}`);
    expect(await tiers.locator('svg').getAttribute('aria-label')).toBe(`Leads per tier: ${perTier.join(', ')}`);
    expect(await tiers.getByTestId('count-bar').evaluateAll((bars) => bars.map((bar) => bar.textContent))).toEqual(
      perTier.map((text) => text.replace(/ (\d+)$/, '$1')),
    );
    expect(await page.getByTestId('lead-stats').locator('.stat').first().textContent()).toContain(`${stats.leads}Leads`);
    expect(stats.by_genre.map((entry) => entry.genre)).toContain('indie folk');
    const perGenre = stats.by_genre.map((entry) => `${entry.genre} ${entry.count}`);
    expect(await page.getByTestId('genre-chart').locator('svg').getAttribute('aria-label')).toBe(`Leads per genre: ${perGenre.join(', ')}`);
    const musicBrainzRow = page.getByTestId('lead-sources').getByTestId('source-row').filter({ hasText: 'MusicBrainz' });
    expect(await musicBrainzRow.locator('td').first().textContent()).toBe('Yes');
    await screenshot(page, 'leads-dashboard');

    await page.getByRole('navigation', { name: 'Leads' }).getByRole('link', { name: 'YouTube' }).click();
    await page.waitForURL('**/leads/youtube');
    await page.getByTestId('youtube-stats').waitFor();
    const rows = page.getByTestId('youtube-opportunities-table').locator('tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    await page.getByLabel('Kind').selectOption('no_presence');
    await page.waitForURL((url) => url.searchParams.get('kind') === 'no_presence');
    await expect.poll(async () => (await rows.allTextContents()).every((row) => row.includes('Not on YouTube'))).toBe(true);
    await screenshot(page, 'leads-youtube');
  });

  it('fits a 375 px phone; a listener has no Leads menu and is told Leads is for label staff', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    await signInAs(admin);
    await open('/leads');
    const leadPath = (await leadRows().first().getByRole('link').getAttribute('href'))!;
    const pages: Array<[name: string, path: string, ready: () => Promise<void>]> = [
      ['list', '/leads', () => leadRows().first().waitFor()],
      ['analyze', '/leads/analyze', () => page.getByLabel('ISRCs', { exact: true }).waitFor()],
      ['dashboard', '/leads/dashboard', () => page.getByTestId('lead-sources').waitFor()],
      ['lead', leadPath, () => page.getByTestId('lead-recordings').waitFor()],
    ];
    for (const [name, path, ready] of pages) {
      await open(path);
      await ready();
      expect(await horizontalOverflow(page), path).toBe(0);
      await screenshot(page, `leads-${name}`);
    }

    await signInAs(listener);
    await open('/catalog');
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Leads' }).count()).toBe(0);
    await open('/leads');
    expect(await page.getByTestId('role-required').textContent()).toContain('Only label staff');
  });
});
