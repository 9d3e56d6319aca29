import { fileURLToPath } from 'node:url';

/** The project root, whether this file runs from src/ (tests) or dist/ (build). */
export const projectRoot = fileURLToPath(new URL('../../..', import.meta.url));
