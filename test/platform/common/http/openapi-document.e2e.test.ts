import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchOpenApiDocument, operationsOf, type OpenApiDocument } from '../../../support/openapi-operations.js';
import { createTestApp, type TestApp } from '../../../support/test-app.js';

describe('the OpenAPI document behind /api/docs', () => {
  let t: TestApp;
  let document: OpenApiDocument & { components?: { securitySchemes?: Record<string, { type?: string; scheme?: string }> } };
  beforeAll(async () => {
    t = await createTestApp();
    document = await fetchOpenApiDocument(t.http);
  });
  afterAll(() => t.close());

  it('defines every security scheme an operation names, so Swagger UI offers Authorize', () => {
    const defined = Object.keys(document.components?.securitySchemes ?? {});
    const undefinedSchemes = operationsOf(document).flatMap((operation) =>
      ((operation.raw['security'] ?? []) as Array<Record<string, string[]>>)
        .flatMap((requirement) => Object.keys(requirement))
        .filter((scheme) => !defined.includes(scheme))
        .map((scheme) => `${operation.name}: ${scheme}`),
    );
    expect(undefinedSchemes).toEqual([]);
    expect(document.components?.securitySchemes?.['bearer']).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('gives every operation a short summary', () => {
    const operations = operationsOf(document);
    const withoutSummary = operations.filter(({ raw }) => typeof raw['summary'] !== 'string' || raw['summary'].trim() === '').map(({ name }) => name);
    const tooLong = operations.filter(({ raw }) => typeof raw['summary'] === 'string' && raw['summary'].length > 80).map(({ name }) => name);
    expect(withoutSummary).toEqual([]);
    expect(tooLong).toEqual([]);
  });

  it('names every operation uniquely, an original system’s path marked as the alias of Encore’s', () => {
    const operations = operationsOf(document);
    const ids = operations.map(({ raw }) => raw['operationId']);
    expect(new Set(ids).size).toBe(ids.length);
    const alias = operations.find(({ name }) => name === 'POST /api/analyze-isrc');
    expect(alias?.raw['x-alias-of']).toBe('POST /api/leads/analyze-isrc');
    expect(operations.find(({ name }) => name === 'POST /api/leads/analyze-isrc')?.raw).toMatchObject({ operationId: 'LeadsController_analyzeIsrc' });
    expect(ids.filter((id) => /[[\]]/.test(String(id)))).toEqual([]);
  });
});
