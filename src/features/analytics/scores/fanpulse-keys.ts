/*
 * FanPulse's clients (document 003) read its own keys for the same figures: `fvs` and `breakdown`
 * for the Fan Value Score, `momentum_index` for the Momentum Index, `prediction` for the breakout
 * level. Encore's answers carry them beside its own names.
 */

export const withFanPulseFvsKeys = <T extends { score: number | null; components: unknown }>(fvs: T) => ({ ...fvs, fvs: fvs.score, breakdown: fvs.components });

export const withFanPulseMomentumKeys = <T extends { index: number | null }>(momentum: T) => ({ ...momentum, momentum_index: momentum.index });

export const withFanPulseBreakoutKeys = <T extends { label: string | null }>(breakout: T) => ({ ...breakout, prediction: breakout.label });
