import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/platform/config/app-config.js';
import { FEATURE_CONFIG_CHECKS } from '../../../src/feature-config-checks.js';

describe("the features' configuration checks at start", () => {
  it("name a bad LEADS_GEOGRAPHY_TARGETS beside AppConfig's own problems", () => {
    let error: unknown;
    try {
      loadConfig({ LEADS_GEOGRAPHY_TARGETS: 'uk=XQ:30;other=5', PORT: '-1' }, FEATURE_CONFIG_CHECKS);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      expect.stringMatching(/^PORT=/),
      'LEADS_GEOGRAPHY_TARGETS: region "uk" names XQ, not ISO 3166-1 alpha-2 countries',
    ]);
  });

  it('accept good targets', () => {
    expect(loadConfig({ LEADS_GEOGRAPHY_TARGETS: 'uk=GB:30;ie=IE:25;other=5' }, FEATURE_CONFIG_CHECKS).LEADS_GEOGRAPHY_TARGETS).toBe(
      'uk=GB:30;ie=IE:25;other=5',
    );
  });
});
