import type { components } from './openapi.js';

/** A schema of the API's OpenAPI document (openapi.d.ts, written by `npm run web:api-types`). */
export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];
