/** The hit answers' documented explanation fields (the explanation's own schema is shared by the models: platform/models/explanation.dto.ts). */

export const RAW_PROBABILITY_DESCRIPTION =
  "The forest's own HIT probability (0–1), before calibration: what the explanation adds up to. confidence and probabilities are calibrated from it when the model version has a calibration";

export const EXPLANATION_DESCRIPTION =
  'What pushed the raw HIT probability up or down, feature by feature; null when the model version predates explanations (it stores no node cover)';

export const CALIBRATED_DESCRIPTION =
  'Whether confidence and probabilities are calibrated (of 100 songs answered 70 % HIT, about 70 were hits on held-out songs); false for a model version trained before calibration, which answers its raw probabilities';
