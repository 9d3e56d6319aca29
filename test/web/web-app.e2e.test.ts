import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AppProcess } from '../support/app-process.js';
import { horizontalOverflow, screenshot } from '../support/browser.js';
import { startBrowserApp, type BrowserApp } from '../support/browser-app.js';

interface SongRow {
  track_name: string;
  artists: string;
}

/** The SPA served by the real app (demo songs, a model trained at first start), in Chromium. */
describe('the hit predictor in a browser', () => {
  let app: AppProcess;
  let browser: Browser;
  let page: Page;

  let running: BrowserApp;

  beforeAll(async () => {
    running = await startBrowserApp();
    ({ app, browser } = running);
  }, 180_000);
  afterAll(() => running?.stop());

  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });
  afterEach(() => page.close());

  const open = (path = '/') => page.goto(`${app.baseUrl}${path}`);
  const songOfTheDatabase = async (query: string): Promise<SongRow> => {
    const answer = await fetch(`${app.baseUrl}/api/dataset/songs?${query}&page_size=1`);
    return ((await answer.json()) as { results: SongRow[] }).results[0]!;
  };
  const verdict = () => page.getByTestId('verdict');
  const quickFill = (index = 0) => page.locator('.quick-fill .chip').nth(index);

  it('predicts a song of the database in three clicks: open, quick fill, Predict', async () => {
    await open();
    const title = (await quickFill().evaluate((chip) => chip.firstChild?.textContent ?? ''))!.trim();
    await quickFill().click();
    await page.getByRole('button', { name: 'Predict' }).click();
    await expect.poll(() => verdict().textContent()).toMatch(/^(HIT|FLOP)$/);
    expect(await page.getByTestId('result-title').textContent()).toBe(title);
    expect(await page.getByTestId('confidence').textContent()).toMatch(/^\d{1,3}\.\d%$/);
    expect(await page.getByTestId('comparison').isVisible()).toBe(true);
    await screenshot(page, 'song-result');
  });

  it('runs under its Content-Security-Policy without a single violation', async () => {
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await open();
    await quickFill().click();
    await page.getByRole('button', { name: 'Predict' }).click();
    await expect.poll(() => verdict().textContent()).toMatch(/^(HIT|FLOP)$/);
    for (const path of ['/catalog', '/genre', '/model', '/api/docs', '/redoc']) {
      await open(path);
      await page.waitForLoadState('networkidle');
    }
    expect(violations).toEqual([]);
  });

  it('shows the API in ReDoc at /redoc and in Swagger UI at /docs, as FanPulse served them, from local files only', async () => {
    const elsewhere: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(app.baseUrl) && !request.url().startsWith('data:')) elsewhere.push(request.url());
    });
    await open('/redoc');
    await page
      .getByRole('heading', { name: /Encore API/ })
      .first()
      .waitFor();
    await page.getByRole('heading', { name: 'Predict hit or flop from audio features entered by hand' }).waitFor();
    await open('/docs');
    expect(new URL(page.url()).pathname).toBe('/api/docs');
    await page.locator('.swagger-ui .info .title').waitFor();
    expect(elsewhere).toEqual([]);
  });

  it('predicts by title and artist when Enter is pressed', async () => {
    const song = await songOfTheDatabase('is_hit=false&ordering=popularity');
    await open();
    await page.getByLabel('Song title').fill(song.track_name);
    await page.getByLabel('Artist').fill(song.artists.split(';')[0]!);
    await page.getByLabel('Artist').press('Enter');
    await expect.poll(() => page.getByTestId('result-title').textContent()).toBe(song.track_name);
    expect(await verdict().textContent()).toBe('FLOP');
  });

  it('shows a loading state on the button while it waits', async () => {
    await open();
    await page.route('**/api/predict/spotify/', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 500));
      await route.continue();
    });
    await quickFill().click();
    await page.getByRole('button', { name: 'Predict' }).click();
    expect(await page.getByRole('button', { name: 'Predicting…' }).isDisabled()).toBe(true);
    await verdict().waitFor();
  });

  it('explains in plain words that an unknown song was not found', async () => {
    await open();
    await page.getByLabel('Song title').fill('Qwxzv Plomb');
    await page.getByLabel('Artist').fill('Zzyzx Unheard');
    await page.getByRole('button', { name: 'Predict' }).click();
    const error = page.getByTestId('form-error');
    await expect.poll(() => error.textContent()).toBe('Song not found. Please provide a valid Spotify link or song title + artist.');
    expect(await page.getByTestId('result').count()).toBe(0);
    await screenshot(page, 'song-not-found');
  });

  it('asks for what is missing before calling the API', async () => {
    await open();
    await page.getByLabel('Song title').fill('Only a title');
    await page.getByRole('button', { name: 'Predict' }).click();
    expect(await page.getByTestId('form-error').textContent()).toBe('Add the artist too, or paste a Spotify link.');
  });

  it('predicts from manual features as they change', async () => {
    await open();
    await page.getByRole('tab', { name: 'Manual' }).click();
    await verdict().waitFor();
    const request = page.waitForRequest((candidate) => candidate.url().endsWith('/api/predict/manual/') && candidate.postDataJSON().energy === 0.95);
    await page.getByLabel('Energy', { exact: true }).fill('0.95');
    await request;
    await expect.poll(() => verdict().textContent()).toMatch(/^(HIT|FLOP)$/);
    expect(await page.getByTestId('result-title').textContent()).toBe('Your features');
    await screenshot(page, 'manual');
  });

  it('names an out-of-range manual feature instead of predicting it', async () => {
    await open();
    await page.getByRole('tab', { name: 'Manual' }).click();
    await page.getByLabel('Tempo', { exact: true }).fill('400');
    expect(await page.getByText('Tempo must be between 0 and 300.').isVisible()).toBe(true);
  });

  it('searches the dataset as you type and predicts the chosen song', async () => {
    const song = await songOfTheDatabase('ordering=-popularity');
    await open();
    await page.getByRole('tab', { name: 'Search' }).click();
    await page.getByLabel('Search the dataset').pressSequentially(song.track_name.slice(0, 12), { delay: 30 });
    const first = page.getByTestId('search-results').locator('button').first();
    await first.waitFor();
    const title = (await first.locator('strong').textContent())!;
    await screenshot(page, 'search');
    await first.click();
    await expect.poll(() => page.getByTestId('result-title').textContent()).toBe(title);
  });

  it('lists predictions in the history and shows one again when chosen; Reset clears the form and result', async () => {
    await open();
    await quickFill(1).click();
    await page.getByRole('button', { name: 'Predict' }).click();
    await verdict().waitFor();
    await page.getByRole('button', { name: 'Reset' }).click();
    expect(await page.getByTestId('result').count()).toBe(0);
    expect(await page.getByLabel('Song title').inputValue()).toBe('');
    const entry = page.getByTestId('history').locator('button').first();
    const title = (await entry.locator('strong').textContent())!;
    await entry.click();
    await expect.poll(() => page.getByTestId('result-title').textContent()).toBe(title);
    await page.getByLabel('Result').selectOption('FLOP');
    await expect.poll(async () => (await page.getByTestId('history').locator('.badge').allTextContents()).every((text) => text === 'FLOP')).toBe(true);
  });

  it('fits a 375 px phone without sideways scrolling, in every state', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    await open();
    await quickFill().waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'home');
    await quickFill().click();
    await page.getByRole('button', { name: 'Predict' }).click();
    await verdict().waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'song-result');
    await page.getByRole('tab', { name: 'Manual' }).click();
    await page.getByTestId('result-title').filter({ hasText: 'Your features' }).waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'manual');
    await open('/model');
    await page.getByTestId('model-data').waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'model');
  });

  it('shows the model card: the real files it learned from, no synthetic-data notice, metrics and feature importances', async () => {
    await open('/model');
    await page.getByTestId('model-data').filter({ hasText: 'dataset-of-60s.csv, dataset-of-70s.csv, dataset-of-80s.csv, dataset-of-90s.csv' }).waitFor();
    expect(await page.getByTestId('synthetic-notice').count()).toBe(0);
    expect(await page.getByText('npm run train -- --csv dataset-of-60s.csv').count()).toBe(1);
    expect(await page.getByRole('list', { name: 'Feature importances' }).locator('li').count()).toBe(10);
    expect(await page.locator('.stat-label').allTextContents()).toEqual(['ROC AUC', 'Accuracy', 'Precision', 'Recall', 'F1']);
    await screenshot(page, 'model');
  });

  it('navigates between pages from the menu, by keyboard too', async () => {
    await open();
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.textContent')).toBe('Skip to content');
    await page.getByRole('link', { name: 'About the model' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL('**/model');
    await expect.poll(() => page.title()).toBe('Encore · About the model');
    await page.goBack();
    expect(await page.getByRole('heading', { name: 'Will it be a hit?' }).isVisible()).toBe(true);
  });

  it('predicts a store customer’s genre as the profile changes, with a probability chart and the model report', async () => {
    await open('/genre');
    const genre = page.getByTestId('genre');
    await genre.waitFor();
    const request = page.waitForRequest((candidate) => candidate.url().endsWith('/api/predict-genre') && candidate.postDataJSON().country === 'Jamaica');
    await page.getByLabel('Country').fill('Jamaica');
    await request;
    await expect.poll(() => genre.textContent()).toMatch(/\S/);
    expect(await page.getByRole('list', { name: 'Probability of each genre' }).locator('li').count()).toBeGreaterThan(1);
    // The API answers 0–1 as the original did; the page shows a percentage.
    const sure = Number(/([\d.]+)% sure/.exec((await page.locator('.genre-answer').textContent()) ?? '')?.[1]);
    expect(sure).toBeGreaterThan(1);
    expect(sure).toBeLessThanOrEqual(100);
    expect(await page.getByText('Majority baseline').isVisible()).toBe(true);
    await screenshot(page, 'genre');
    await page.setViewportSize({ width: 375, height: 800 });
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'genre');
  });

  it('names a bad profile field instead of predicting it, and looks up a store customer', async () => {
    await open('/genre');
    await page.getByLabel('Top-genre share').fill('1.5');
    expect(await page.getByText('Top-genre share must be between 0 and 1.').isVisible()).toBe(true);
    await page.getByLabel('Customer number').fill('7');
    await page.getByRole('button', { name: 'Look up' }).click();
    await expect.poll(() => page.getByTestId('customer-result').textContent()).toMatch(/predicted .+, actually spent most on .+/);
  });
});
