import type { ConfigCheck } from './platform/config/app-config.js';
import { geographyTargetsProblems } from './features/leads/scoring/geography-targets.js';

/** Variables whose format a feature owns, checked at start beside AppConfig's own rules. */
export const FEATURE_CONFIG_CHECKS: readonly ConfigCheck[] = [geographyTargetsProblems];
