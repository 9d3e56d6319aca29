import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { horizontalOverflow, screenshot } from '../support/browser.js';
import { startBrowserApp, type BrowserApp } from '../support/browser-app.js';
import { browserSession, type RegisteredAccount } from '../support/browser-session.js';
import { FakeSpotify } from '../support/fake-spotify.js';
import { createTestApp } from '../support/test-app.js';
import { CompetingReleasesRecorder } from '../../src/features/analytics/competing/competing-releases.recorder.js';
import { weekOfDay } from '../../src/features/analytics/competing/release-week.js';
import { utcDay } from '../../src/features/analytics/ingestion/metric-rows.js';

const DEMO_ARTISTS = ['Harbour Lights', 'Kōwhai', 'Marama Bay', 'Southern Static', 'The Dust Riders'];

/**
 * The Analytics section of the SPA against the real app in Chromium. A new install imports the
 * demo label's analytics (five artists, one viral, one declining) and scores it before it
 * listens, so the pages read real scores, spikes and alerts.
 */
describe('the Analytics pages in a browser', () => {
  let running: BrowserApp;
  let page: Page;
  let admin: RegisteredAccount;
  let listener: RegisteredAccount;

  const open = (path: string) => page.goto(`${running.app.baseUrl}${path}`);
  const { register, registerAdmin, signInAs } = browserSession(
    () => running,
    () => page,
  );
  const artistRows = () => page.getByTestId('analytics-artists').getByTestId('analytics-artist-row');
  const openArtist = async (name: string) => {
    await open('/analytics');
    await artistRows().getByRole('link', { name, exact: true }).click();
    await page.waitForURL('**/analytics/artists/*');
    await page.getByRole('heading', { level: 1, name }).waitFor();
  };

  beforeAll(async () => {
    running = await startBrowserApp();
    admin = await registerAdmin('analyticsadmin');
    listener = await register('user', 'listener');
  }, 180_000);
  afterAll(() => running?.stop());

  beforeEach(async () => {
    page = await running.newPage();
  });
  afterEach(() => page.close());

  it('an admin opens Analytics from the menu: the totals, the five demo artists and the top performers', async () => {
    await signInAs(admin);
    await open('/catalog');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Analytics' }).click();
    await page.waitForURL('**/analytics');
    await expect.poll(() => artistRows().count()).toBe(5);
    expect(await artistRows().getByRole('rowheader').getByRole('link').allTextContents()).toEqual(DEMO_ARTISTS);
    const stats = page.getByTestId('analytics-stats');
    expect(await stats.locator('.stat').first().textContent()).toContain('5Artists');

    const row = (name: string) => artistRows().filter({ has: page.getByRole('link', { name, exact: true }) });
    expect(await row('Marama Bay').getByTestId('artist-momentum-status').getAttribute('data-value')).toBe('viral');
    expect(await row('The Dust Riders').getByTestId('artist-momentum-status').getAttribute('data-value')).toBe('declining');

    const top = page.getByTestId('top-performers');
    await top.waitFor();
    await page.getByRole('tab', { name: 'By momentum' }).click();
    await expect.poll(() => top.locator('li').first().getByRole('link').textContent()).toBe('Marama Bay');
    await expect.poll(() => top.locator('li').first().textContent()).toContain('Viral');

    await page.getByLabel('Search artists').fill('dust');
    await expect.poll(() => artistRows().getByRole('rowheader').getByRole('link').allTextContents()).toEqual(['The Dust Riders']);
    await page.getByLabel('Search artists').fill('');
    await expect.poll(() => artistRows().count()).toBe(5);
    await screenshot(page, 'analytics-overview');
  });

  it('the viral artist’s page: a viral momentum, a spike on the chart, a high breakout chance and superfan segments', async () => {
    await signInAs(admin);
    await openArtist('Marama Bay');

    await expect.poll(() => page.getByTestId('momentum-status').getAttribute('data-value')).toBe('viral');
    expect(await page.getByTestId('momentum-gauge').getAttribute('aria-label')).toMatch(/^Momentum Index \d+\.\d of 10: Viral$/);
    expect(await page.getByTestId('momentum-card').getByTestId('score-part').count()).toBe(4);

    const chart = page.getByTestId('trend-chart');
    await expect.poll(() => chart.getByTestId('spike-marker').count()).toBeGreaterThanOrEqual(1);
    expect(await chart.getByTestId('trend-summary').textContent()).toMatch(/engagement spikes?: \d+ \w+ \d{4} \(z \d+\.\d\)/);
    expect(await chart.getByTestId('trend-table').locator('tbody tr').count()).toBe(90);
    const spikeDay = await chart.getByTestId('spike-marker').first().getAttribute('data-date');
    expect(await chart.getByTestId('trend-table').locator('tbody tr[data-spike="true"]').count()).toBe(await chart.getByTestId('spike-marker').count());

    await expect.poll(() => page.getByTestId('breakout-label').getAttribute('data-value')).toBe('high');
    expect(await page.getByTestId('breakout-model').textContent()).toMatch(/^Model: (Random forest|Logistic score)/);
    expect(await page.getByTestId('breakout-drivers').locator('li').count()).toBeGreaterThan(0);

    const fvs = page.getByTestId('fvs-card');
    await expect.poll(() => fvs.getByTestId('score-part').count()).toBe(4);
    expect(await fvs.getByTestId('score-part').allTextContents()).toEqual([
      expect.stringContaining('weight 40%'),
      expect.stringContaining('weight 30%'),
      expect.stringContaining('weight 20%'),
      expect.stringContaining('weight 10%'),
    ]);

    const segments = page.getByTestId('fan-segments').getByRole('listitem');
    await expect.poll(() => segments.count()).toBe(4);
    expect(await segments.locator('.bar-label').allTextContents()).toEqual([
      expect.stringMatching(/^Superfans \([1-9][\d,]*\)$/),
      expect.stringMatching(/^Engaged \(\d[\d,]*\)$/),
      expect.stringMatching(/^Casual \(\d[\d,]*\)$/),
      expect.stringMatching(/^Dormant \(\d[\d,]*\)$/),
    ]);
    expect(await page.getByTestId('top-superfans').locator('tbody tr').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('analytics-alerts').getByTestId('alert-row').count()).toBeGreaterThan(0);
    await screenshot(page, 'analytics-artist');

    // A shorter window: the chart redraws from the API's 30 days, and the address keeps it.
    await page.getByLabel('30 days').check();
    await page.waitForURL((url) => url.searchParams.get('days') === '30');
    await expect.poll(() => chart.getByTestId('trend-table').locator('tbody tr').count()).toBe(30);
    expect(await chart.getByTestId('spike-marker').first().getAttribute('data-date')).toBe(spikeDay);

    await page.setViewportSize({ width: 390, height: 844 });
    await expect.poll(() => horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'analytics-artist');
  });

  it('the declining artist reads as declining, with no spike marked; its team imports a CSV of metrics', async () => {
    await signInAs(admin);
    await openArtist('The Dust Riders');
    await expect.poll(() => page.getByTestId('momentum-status').getAttribute('data-value')).toBe('declining');
    expect(await page.getByTestId('momentum-status').textContent()).toBe('Declining');
    expect(await page.getByTestId('trend-chart').getByTestId('spike-marker').count()).toBe(0);
    await expect.poll(() => page.getByTestId('breakout-label').getAttribute('data-value')).toBe('low');

    // Spotify is not configured in tests: the page says so rather than offering a button that fails.
    const spotify = page.getByTestId('spotify-connection');
    await expect.poll(() => spotify.textContent()).toContain('Spotify is not set up on this server');
    expect(await spotify.getByRole('button', { name: 'Connect Spotify' }).isDisabled()).toBe(true);

    await page
      .getByLabel('CSV file')
      .setInputFiles({ name: 'metrics.csv', mimeType: 'text/csv', buffer: Buffer.from('platform,date,followers,streams\nspotify,2025-01-01,1200,340\n') });
    await page.getByRole('button', { name: 'Import CSV' }).click();
    await expect.poll(() => page.getByTestId('metrics-imported').textContent()).toContain('Imported 1 new row and 0 updated rows');
    await page.getByRole('button', { name: 'Import CSV' }).click();
    await expect.poll(() => page.getByTestId('form-error').textContent()).toBe('Choose a CSV file first.');

    // Connecting Spotify comes back to /analytics/<id>?spotify=connected: that is the artist's page.
    const id = new URL(page.url()).pathname.split('/').at(-1)!;
    await open(`/analytics/${id}?spotify=connected`);
    await page.waitForURL((url) => url.pathname === `/analytics/artists/${id}` && url.searchParams.get('spotify') === 'connected');
    await page.getByTestId('spotify-connected').waitFor();
  });

  it('the artist page shows the week’s competing releases in its genres beside its own latest release', async () => {
    // The daily job runs in another instance of the deployment, against the fake Spotify server.
    const spotify = new FakeSpotify().start();
    const instance = await createTestApp({ ...spotify.env, SPOTIFY_MAX_RETRIES: '0', GENRE_TRAIN_CRON: 'off' }, running);
    let latest: string;
    try {
      // Marama Bay's genres are its catalog songs': acoustic and folk.
      const { start } = weekOfDay(utcDay());
      const rival = spotify.addArtist({ id: 'KauriSound000000000001', name: 'Kauri Sound', genres: ['folk', 'nz folk'] });
      const artists = [{ id: rival.id, name: rival.name, type: 'artist' as const, uri: rival.uri, href: rival.href, external_urls: rival.external_urls }];
      spotify.addAlbum({ id: 'TidewaterHymns00000001', name: 'Tidewater Hymns', artists, release_date: start, release_date_precision: 'day' });
      spotify.newReleases.push('TidewaterHymns00000001');
      expect(await instance.app.get(CompetingReleasesRecorder).recordWeek()).toMatchObject({ recorded: 1, without_genres: [] });
      const marama = await instance.prisma.artist.findFirstOrThrow({ where: { name: 'Marama Bay' } });
      latest = (
        await instance.prisma.catalogSong.findFirstOrThrow({
          where: { artistId: marama.id, visibility: 'public', releaseDate: { not: null } },
          orderBy: [{ releaseDate: 'desc' }, { title: 'asc' }],
        })
      ).title;
    } finally {
      await instance.close();
      spotify.stop();
    }

    await signInAs(admin);
    await openArtist('Marama Bay');
    const card = page.getByTestId('competing-releases-card');
    await expect.poll(() => card.getByTestId('competing-release-row').count()).toBe(1);
    expect(await card.getByRole('heading', { level: 3 }).allTextContents()).toEqual(['Own latest release', 'Competing in acoustic, folk']);
    const row = card.getByTestId('competing-release-row');
    expect(await row.getByRole('link').textContent()).toBe('Tidewater Hymns');
    expect(await row.getByRole('link').getAttribute('href')).toBe('https://open.spotify.com/album/TidewaterHymns00000001');
    expect(await row.textContent()).toContain('Kauri Sound');
    expect(await card.getByTestId('own-latest-release').textContent()).toContain(latest);
    await screenshot(page, 'analytics-competing-releases');

    // An artist with no other release of the week says so.
    await openArtist('The Dust Riders');
    await expect.poll(() => page.getByTestId('competing-note').textContent()).toBe('No other releases of the week in these genres on Spotify so far.');
  });

  it('acknowledging an alert takes it off the open alerts and onto the acknowledged ones', async () => {
    await signInAs(admin);
    await open('/analytics');
    await page
      .getByRole('navigation', { name: 'Analytics' })
      .getByRole('link', { name: /^Alerts/ })
      .click();
    await page.waitForURL('**/analytics/alerts');
    const rows = page.getByTestId('analytics-alerts').getByTestId('alert-row');
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    const before = await rows.count();
    expect(await page.getByTestId('alert-count').textContent()).toBe(`${before} alerts`);

    const first = rows.first();
    const alertId = (await first.getAttribute('data-alert-id'))!;
    await first.getByRole('button', { name: /^Acknowledge/ }).click();
    await expect.poll(() => page.locator(`[data-alert-id="${alertId}"]`).count()).toBe(0);
    await expect.poll(() => rows.count()).toBe(before - 1);
    await expect.poll(() => page.getByTestId('alert-count').textContent()).toBe(before - 1 === 1 ? '1 alert' : `${before - 1} alerts`);

    await page.getByLabel('Status').selectOption('acknowledged');
    await page.waitForURL((url) => url.searchParams.get('status') === 'acknowledged');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().getAttribute('data-alert-id')).toBe(alertId);
    expect(await rows.first().textContent()).toContain('Acknowledged');

    await page.getByLabel('Status').selectOption('open');
    await page.getByLabel('Type').selectOption('viral_momentum');
    await expect
      .poll(async () => [...new Set(await rows.locator('.tone-badge').evaluateAll((badges) => badges.map((badge) => badge.getAttribute('data-value'))))])
      .toEqual(['viral_momentum']);
    await screenshot(page, 'analytics-alerts');
  });

  it('a listener on no artist’s team is told analytics is for artist teams; signed out, there is no menu entry', async () => {
    await signInAs(listener);
    await open('/catalog');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Analytics' }).click();
    await expect.poll(() => page.getByTestId('analytics-empty').locator('h1').textContent()).toBe('Analytics is for artist teams');

    await page.evaluate(`localStorage.clear()`);
    await open('/analytics');
    await page.getByTestId('sign-in-required').waitFor();
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Analytics' }).count()).toBe(0);
  });
});
