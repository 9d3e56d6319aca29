import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from '../support/browser.js';
import { startBrowserApp, type BrowserApp } from '../support/browser-app.js';
import { browserSession } from '../support/browser-session.js';

/** The demo records a first start adds, marked in the web app wherever they are shown. */
describe('the demo badge in a browser', () => {
  let running: BrowserApp;
  let page: Page;

  // One page for the file: the first tests look as a visitor, the last signs in.
  beforeAll(async () => {
    running = await startBrowserApp();
    page = await running.newPage();
  }, 180_000);
  afterAll(() => running?.stop());

  const open = (path: string) => page.goto(`${running.app.baseUrl}${path}`);
  const { call, registerAdmin, signInAs } = browserSession(
    () => running,
    () => page,
  );
  const badge = (scope: ReturnType<Page['locator']>) => scope.getByTestId('demo-badge');

  it('marks a demo song in the dataset search, its prediction and the history, without an "Open in Spotify" link to its invented id', async () => {
    const { results } = await call<{ results: Array<{ track_name: string; demo: boolean }> }>('GET', '/api/dataset/songs?ordering=-popularity&page_size=1');
    expect(results[0]!.demo).toBe(true);
    await open('/');
    await page.getByRole('tab', { name: 'Search' }).click();
    await page.getByLabel('Search the dataset').pressSequentially(results[0]!.track_name.slice(0, 12), { delay: 30 });
    const first = page.getByTestId('search-results').locator('button').first();
    await first.waitFor();
    expect(await badge(first).textContent()).toBe('demo');
    await first.click();
    const result = page.getByTestId('result');
    await badge(result).waitFor();
    expect(await result.getByRole('link', { name: 'Open in Spotify' }).count()).toBe(0);
    await result.getByText('None (demo song)').waitFor();
    await badge(page.getByTestId('history')).first().waitFor();
    await screenshot(page, 'demo-song');
  });

  it('marks the demo label’s songs, albums and artists in the catalog', async () => {
    const { results } = await call<{ results: Array<{ id: string; demo: boolean }> }>('GET', '/api/albums?page_size=1');
    expect(results[0]!.demo).toBe(true);
    await open(`/catalog/albums/${results[0]!.id}`);
    const album = page.locator('section[aria-labelledby="album-title"]');
    await badge(album).first().waitFor();
    // The album's songs load after its heading.
    await badge(page.getByTestId('song-row').first()).waitFor();
    await page.getByTestId('song-row').first().getByRole('link').first().click();
    await badge(page.locator('section[aria-labelledby="artist-title"]')).first().waitFor();
  });

  it('marks the demo analytics artists and the demo leads', async () => {
    await signInAs(await registerAdmin('demo-badge'));
    await open('/analytics');
    const artists = page.getByTestId('analytics-artist-row');
    await artists.first().waitFor();
    expect(await badge(artists).count()).toBe(await artists.count());
    await artists.first().getByRole('link').first().click();
    await badge(page.locator('section[aria-labelledby="artist-title"]')).waitFor();
    await open('/leads');
    const rows = page.getByTestId('lead-row');
    await rows.first().waitFor();
    expect(await badge(rows).count()).toBe(await rows.count());
    await rows.first().getByRole('link').first().click();
    await badge(page.locator('section[aria-labelledby="lead-title"]')).waitFor();
    await screenshot(page, 'demo-lead');
  });
});
