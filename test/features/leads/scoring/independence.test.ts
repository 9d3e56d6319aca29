import { describe, expect, it } from 'vitest';
import { INDEPENDENCE_POINTS, scoreIndependence } from '../../../../src/features/leads/scoring/independence.js';

describe('scoreIndependence', () => {
  it.each([
    // [label, distributor, class, points of 40]
    ['[no label]', null, 'self_released', 40],
    ['DistroKid', null, 'self_released', 40],
    [null, 'Symphonic', 'small_distributor', 35],
    ['Flying Nun Records', null, 'indie_label', 25],
    ['Republic Records', null, 'major', 0],
    [null, null, 'unknown', 20],
  ] as const)('label %j, distributor %j: %s, %i points', (label, distributor, cls, points) => {
    const score = scoreIndependence({ label, distributor, artistName: 'Jane Doe' });
    expect(score).toMatchObject({ class: cls, points, max: 40, raw_points: points, raw_max: 40 });
    expect(score.items).toEqual([{ factor: 'label_class', points, max: 40, reason: score.classification.reason }]);
  });

  it('scores the artist’s own label as self-released', () => {
    expect(scoreIndependence({ label: 'Jane Doe Music', artistName: 'Jane Doe' })).toMatchObject({ class: 'self_released', points: 40 });
  });

  it('uses the issue’s points', () => {
    expect(INDEPENDENCE_POINTS).toEqual({ self_released: 40, small_distributor: 35, indie_label: 25, major: 0, unknown: 20 });
  });
});
