import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { horizontalOverflow, screenshot } from '../support/browser.js';
import { startBrowserApp, type BrowserApp } from '../support/browser-app.js';

interface ExplainedAnswer {
  raw_probability: number;
  explanation: { base_value: number; contributions: Array<{ feature: string; value: number; contribution: number }> } | null;
}

/**
 * Why a prediction says what it says, and how far its chances can be trusted (issue 24): the
 * result card's contribution bars and the model page's reliability curve, drawn from what the real
 * server answers (the model it trains at first start), on a phone and on a desktop.
 */
describe('explanations in a browser', () => {
  let running: BrowserApp;
  beforeAll(async () => {
    running = await startBrowserApp();
  }, 180_000);
  afterAll(() => running?.stop());

  const newPage = async (width: number): Promise<Page> => {
    const page = await running.newPage();
    await page.setViewportSize({ width, height: 900 });
    return page;
  };
  const url = (path: string) => `${running.app.baseUrl}${path}`;

  for (const width of [375, 1280]) {
    it(`shows at ${width} px what pushed a predicted song toward HIT and toward FLOP, largest first, in bars and in words`, async () => {
      const page = await newPage(width);
      await page.goto(url('/'));
      await page.locator('.quick-fill .chip').first().click();
      const answered = page.waitForResponse((response) => response.url().endsWith('/api/predict/spotify/'));
      await page.getByRole('button', { name: 'Predict' }).click();
      const answer = (await (await answered).json()) as ExplainedAnswer;
      expect(answer.explanation).not.toBeNull();
      const { base_value, contributions } = answer.explanation!;

      const table = page.getByRole('table', { name: /What each feature did to the chance of a hit/ });
      await table.waitFor();
      const rows = table.locator('tbody tr');
      expect(await rows.count()).toBe(contributions.length);
      expect(await rows.evaluateAll((all) => all.map((row) => row.getAttribute('data-feature')))).toEqual(contributions.map((entry) => entry.feature));
      const points = (await table.locator('tbody .contribution-points').allTextContents()).map((text) => Number(text.replace('−', '-')));
      const sum = points.reduce((total, value) => total + value, 0);
      // Each bar's points are rounded to 0.1: the base and the bars add up to the raw score within that rounding.
      expect(Math.abs(base_value * 100 + sum - answer.raw_probability * 100)).toBeLessThanOrEqual(0.05 * contributions.length + 1e-9);
      const sentence = await page.getByTestId('contribution-sentence').textContent();
      expect(sentence).toContain(`Starting from the average song’s ${Math.round(base_value * 100)}% chance of being a hit`);
      expect(sentence).toContain(`bring the model’s score to ${Math.round(answer.raw_probability * 100)}%`);

      expect(await horizontalOverflow(page)).toBe(0);
      await screenshot(page, 'explanation-result');
      await page.close();
    });

    it(`draws at ${width} px the reliability curve, raw and calibrated, beside the diagonal, and the mean effect of each feature`, async () => {
      const page = await newPage(width);
      await page.goto(url('/model'));
      const curve = page.getByRole('img', { name: /expected calibration error/ });
      await curve.waitFor();
      expect(await curve.locator('.reliability-diagonal').count()).toBe(1);
      expect(await page.getByTestId('reliability-raw').locator('circle').count()).toBeGreaterThan(1);
      expect(await page.getByTestId('reliability-calibrated').locator('circle').count()).toBeGreaterThan(1);
      expect(await page.getByTestId('calibration-summary').textContent()).toMatch(/Brier score .*: 0\.\d{3} before, 0\.\d{3} after\./);
      const card = (await (await fetch(url('/api/models/active'))).json()) as { features: unknown[] };
      expect(await page.getByRole('list', { name: 'Mean effect on a prediction' }).locator('li').count()).toBe(card.features.length);

      expect(await horizontalOverflow(page)).toBe(0);
      await screenshot(page, 'explanation-model');
      await page.close();
    });
  }
});
