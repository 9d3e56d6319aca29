import { describe, expect, it } from 'vitest';
import { UPLOAD_LIMIT_EXTENSION } from '../../../src/platform/common/http/upload.js';
import type { OpenApiDocument } from '../../support/openapi-operations.js';
import { UNKNOWN_UUID, fuzzCases, type FuzzCase } from './fuzz-cases.js';

const JSON_LIMIT = 1024;

/** A small document in the shape Nest's Swagger module writes. */
const document = (): OpenApiDocument => ({
  paths: {
    '/api/things/{id}/parts/{partId}': {
      get: {
        parameters: [
          { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
          { name: 'partId', in: 'path', required: true, schema: { type: 'number' } },
          { name: 'page', in: 'query', schema: { minimum: 1, allOf: [{ $ref: '#/components/schemas/Object' }] } },
          { name: 'from', in: 'query', schema: { type: 'string', format: 'date-time' } },
        ],
      },
    },
    '/api/things': {
      post: { requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/CreateThingDto' } } } } },
    },
    '/api/things/upload': {
      post: {
        [UPLOAD_LIMIT_EXTENSION]: 2048,
        requestBody: { content: { 'multipart/form-data': { schema: { $ref: '#/components/schemas/UploadDto' } } } },
      },
    },
  },
  components: {
    schemas: {
      Object: { type: 'object', properties: {} },
      CreateThingDto: {
        type: 'object',
        properties: {
          name: { type: 'string' },
          size: { type: 'number', minimum: 3 },
          owner: { type: 'object', properties: { email: { type: 'string', format: 'email' } }, required: ['email'] },
          note: { type: 'string' },
        },
        required: ['name', 'size'],
      },
      UploadDto: {
        type: 'object',
        properties: { title: { type: 'string', example: 'A title' }, file: { type: 'string', format: 'binary' } },
        required: ['title', 'file'],
      },
    },
  },
});

const casesOf = (doc: OpenApiDocument, operation?: string) =>
  [...fuzzCases(doc, { jsonLimitBytes: JSON_LIMIT })].filter((c) => !operation || c.operation === operation);
const bodyOf = (c: FuzzCase) => Buffer.concat(c.body).toString('utf8');
const byLabel = (cases: FuzzCase[], label: string) => cases.find((c) => c.label === label)!;

describe('OpenAPI fuzz cases', () => {
  it('fuzzes every operation of the document', () => {
    expect(new Set(casesOf(document()).map((c) => c.operation))).toEqual(
      new Set(['GET /api/things/{id}/parts/{partId}', 'POST /api/things', 'POST /api/things/upload']),
    );
  });

  it('fuzzes an operation as soon as the document has it', () => {
    const doc = document();
    doc.paths['/api/new'] = { delete: {} };
    expect(casesOf(doc, 'DELETE /api/new').map((c) => c.label)).toContain('an unknown query parameter');
  });

  it('puts each hostile value in one path parameter, the others keeping a well-formed unknown value', () => {
    const cases = casesOf(document(), 'GET /api/things/{id}/parts/{partId}');
    expect(byLabel(cases, 'path id = an encoded path traversal').url).toBe('/api/things/..%2F..%2Fetc%2Fpasswd/parts/987654321');
    expect(byLabel(cases, 'path partId = 1e309').url).toBe(`/api/things/${UNKNOWN_UUID}/parts/1e309`);
    expect(byLabel(cases, 'path partId = a NUL').url).toBe(`/api/things/${UNKNOWN_UUID}/parts/a%00b`);
  });

  it('fuzzes each declared query parameter, repeated and in bracket syntax, and an unknown one', () => {
    const urls = casesOf(document(), 'GET /api/things/{id}/parts/{partId}').map((c) => c.url.split('?')[1]);
    expect(urls).toEqual(expect.arrayContaining(['page=NaN', 'page=1&page=2', 'page[]=1', 'page[a]=1', 'fuzz_unknown=1']));
  });

  it("gives date query parameters, and only them, dates at and past the edges of PostgreSQL's range", () => {
    const queries = casesOf(document(), 'GET /api/things/{id}/parts/{partId}').map((c) => c.url.split('?')[1]);
    expect(queries).toEqual(
      expect.arrayContaining(['from=0000-01-01', 'from=-004713-01-01', 'from=4713-01-01%20BC', 'from=294277-01-01', 'from=9999-12-31T23:59:59.999Z']),
    );
    expect(queries).not.toContain('page=0000-01-01');
  });

  it('signs malformed events for the signed-events operation: hostile data.object, hostile fields, envelopes missing parts, each with its own id', () => {
    const doc = document();
    doc.paths['/api/hooks'] = { post: {} };
    const signedEvents = { operation: 'POST /api/hooks', header: 'x-signature', sign: (payload: string) => `signed:${payload.length}` };
    const cases = [...fuzzCases(doc, { jsonLimitBytes: JSON_LIMIT, signedEvents })].filter((c) => c.label.startsWith('signed event: '));
    const eventOf = (label: string) => {
      const found = byLabel(cases, `signed event: ${label}`);
      expect(found.headers['x-signature']).toBe(`signed:${bodyOf(found).length}`);
      return JSON.parse(bodyOf(found)) as { id: string; type: string; data?: { object?: Record<string, unknown> | null } };
    };
    expect(eventOf('invoice.payment_failed with data.object = null')).toMatchObject({ type: 'invoice.payment_failed', data: { object: null } });
    expect(eventOf('fuzz.unknown.event with data.object = an array').data!.object).toEqual([1, 'x']);
    expect(eventOf('customer.subscription.updated with data.object.customer = a number').data!.object).toMatchObject({ customer: 12_345, status: 'active' });
    expect(eventOf('an event without data')).not.toHaveProperty('data');
    const ids = cases.map((c) => (JSON.parse(bodyOf(c)) as { id?: unknown }).id).filter((id) => typeof id === 'string' && id.startsWith('evt_fuzz_'));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThan(300);
    expect(casesOf(document()).some((c) => c.label.startsWith('signed event: '))).toBe(false);
  });

  it('gives each body property, nested ones too, every hostile value beside plausible required properties', () => {
    const cases = casesOf(document(), 'POST /api/things');
    expect(JSON.parse(bodyOf(byLabel(cases, 'body size = "NaN"')))).toEqual({ name: 'fuzz', size: 'NaN' });
    expect(JSON.parse(bodyOf(byLabel(cases, 'body owner.email = an array')))).toEqual({ name: 'fuzz', size: 3, owner: { email: [1, 'x'] } });
    expect(bodyOf(byLabel(cases, 'body note = the literal 1e309'))).toBe('{"name":"fuzz","size":3,"note":1e309}');
    expect(bodyOf(byLabel(cases, 'body name = a 5,000-deep array'))).toMatch(/^\{"name":\[{5000}1\]{5000},"size":3\}$/);
  });

  it('sends malformed JSON, other content types, and a JSON body one byte over the limit that everyone must get 413 for', () => {
    const cases = casesOf(document(), 'POST /api/things');
    expect(bodyOf(byLabel(cases, 'body: truncated JSON'))).toBe('{"a":');
    expect(byLabel(cases, 'body as application/xml').headers['content-type']).toBe('application/xml');
    const oversized = cases.find((c) => c.label.startsWith('body one byte over'))!;
    expect(Buffer.concat(oversized.body).length).toBe(JSON_LIMIT + 1);
    expect(oversized.expectedStatus).toEqual({ status: 413, from: 'everyone' });
  });

  it('uploads wrong files, a traversal name and one byte over the declared limit, which callers allowed must get 413 for', () => {
    const cases = casesOf(document(), 'POST /api/things/upload');
    const traversal = bodyOf(byLabel(cases, 'file file: a path traversal name'));
    expect(traversal).toContain('name="title"\r\n\r\nA title');
    expect(traversal).toContain('filename="../../x.csv"');
    const oversized = cases.find((c) => c.label.startsWith('file file: one byte over'))!;
    expect(Buffer.concat(oversized.body).length).toBeGreaterThan(2048);
    expect(bodyOf(oversized)).toContain('x'.repeat(2049));
    expect(oversized.expectedStatus).toEqual({ status: 413, from: 'allowed' });
  });

  it('refuses an upload operation that does not declare its limit', () => {
    const doc = document();
    delete doc.paths['/api/things/upload']!.post![UPLOAD_LIMIT_EXTENSION];
    expect(() => casesOf(doc)).toThrow(`POST /api/things/upload takes a file but does not declare ${UPLOAD_LIMIT_EXTENSION}`);
  });
});
