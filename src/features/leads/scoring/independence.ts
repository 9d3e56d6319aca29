/**
 * Independence, 40 % of the lead score: how free the artist is to sign, from the release's label
 * class (`classifyLabel`):
 *
 * | class | points (of 40) |
 * |---|---|
 * | self_released | 40 |
 * | small_distributor | 35 |
 * | indie_label | 25 |
 * | major | 0 |
 * | unknown | 20 |
 *
 * Unknown (no label and no distributor found) scores half the maximum: missing data should not rank
 * an artist above a known indie label (25), nor bury them with the majors. The points are already
 * on the total's scale (raw = points, max 40).
 */
import { classifyLabel, type IndependenceClass, type LabelClassification } from './classify-label.js';
import type { ComponentScore, LeadFacts } from './facts.js';

export const INDEPENDENCE_MAX = 40;

export const INDEPENDENCE_POINTS: Readonly<Record<IndependenceClass, number>> = {
  self_released: 40,
  small_distributor: 35,
  indie_label: 25,
  major: 0,
  unknown: 20,
};

export interface IndependenceScore extends ComponentScore {
  class: IndependenceClass;
  classification: LabelClassification;
}

/** The independence component of a lead (see the module comment). */
export function scoreIndependence(facts: Pick<LeadFacts, 'label' | 'distributor' | 'artistName'>): IndependenceScore {
  const classification = classifyLabel(facts.label, facts.distributor, { artistName: facts.artistName });
  const points = INDEPENDENCE_POINTS[classification.class];
  return {
    points,
    max: INDEPENDENCE_MAX,
    raw_points: points,
    raw_max: INDEPENDENCE_MAX,
    items: [{ factor: 'label_class', points, max: INDEPENDENCE_MAX, reason: classification.reason }],
    class: classification.class,
    classification,
  };
}
