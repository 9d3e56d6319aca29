import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { App } from 'supertest/types.js';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface OpenApiParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Record<string, unknown>;
}

/** One operation of the OpenAPI document, as the hardening suites walk them. */
export interface Operation {
  method: HttpMethod;
  /** The templated path, e.g. /api/playlists/{id}. */
  path: string;
  /** `METHOD /path`, for failure lists. */
  name: string;
  parameters: OpenApiParameter[];
  /** The route needs a signed-in caller (@Auth: bearer security in the document). */
  authenticated: boolean;
  /** The roles the route needs, read from its 403 response ("Needs the role admin"). */
  roles: string[];
  requestBody?: { content?: Record<string, { schema?: Record<string, unknown> }> };
  raw: Record<string, unknown>;
}

const METHODS: HttpMethod[] = ['get', 'post', 'put', 'patch', 'delete'];

export interface OpenApiDocument {
  paths: Record<string, Partial<Record<HttpMethod, Record<string, unknown>>>>;
  components?: { schemas?: Record<string, Record<string, unknown>> };
}

/** The app's own OpenAPI document, as served at /api/docs-json. */
export async function fetchOpenApiDocument(http: App): Promise<OpenApiDocument> {
  const { body } = await request(http).get('/api/docs-json').expect(200);
  return body as OpenApiDocument;
}

/** Every operation of the document, in document order. */
export function operationsOf(document: OpenApiDocument): Operation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map((method) => {
      const raw = item[method]!;
      const responses = (raw['responses'] ?? {}) as Record<string, { description?: string }>;
      const roles = /Needs the role (.+)$/.exec(responses['403']?.description ?? '')?.[1]?.split(' or ') ?? [];
      return {
        method,
        path,
        name: `${method.toUpperCase()} ${path}`,
        parameters: (raw['parameters'] ?? []) as OpenApiParameter[],
        authenticated: Array.isArray(raw['security']) && raw['security'].length > 0,
        roles,
        requestBody: raw['requestBody'] as Operation['requestBody'],
        raw,
      };
    }),
  );
}

/** The operation's path with every `{param}` replaced: by `values[param]` when given, else a random UUID. */
export function concretePath(operation: Operation, values: Record<string, string> = {}): string {
  return operation.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(values[name] ?? randomUUID()));
}

/** Runs `task` over `items`, at most `concurrency` at a time. */
export async function inBatches<T>(items: T[], concurrency: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) await task(items[next++]!);
    }),
  );
}

/** True when a body has the API's one error shape with the response's status. */
export function hasErrorShape(status: number, body: unknown): boolean {
  const { statusCode, error, message } = (body ?? {}) as Record<string, unknown>;
  return statusCode === status && typeof error === 'string' && typeof message === 'string' && message.length > 0;
}
