import { describe, expect, it } from 'vitest';
import { oneSlipVariants, typoDistance } from '../../../src/platform/common/fuzzy-score.js';

describe('oneSlipVariants', () => {
  it('holds the word with a swap, a missing, an extra and a wrong letter corrected', () => {
    const variants = oneSlipVariants('rvier');
    expect(variants).toEqual(expect.arrayContaining(['river', 'rver', 'rvierr', 'rvies']));
    expect(oneSlipVariants('rivr')).toContain('river');
    expect(oneSlipVariants('harbor')).toContain('harbour');
  });

  it('holds only words one slip away, never the word itself', () => {
    const variants = oneSlipVariants('beatels');
    expect(variants).not.toContain('beatels');
    expect(variants.every((variant) => typoDistance('beatels', variant) <= 1)).toBe(true);
  });

  it('slips letters outside a–z too: those of the word itself', () => {
    expect(oneSlipVariants('ñandu')).toContain('ñañdu');
    expect(oneSlipVariants('ñadnu')).toContain('ñandu');
  });
});
