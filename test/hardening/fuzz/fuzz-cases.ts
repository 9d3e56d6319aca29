/**
 * Hostile requests for every operation of an OpenAPI document, derived from the document alone
 * (paths, parameters, request bodies and their schemas, upload limits), so that a new route is
 * fuzzed as soon as it is documented. Pure: nothing here touches the network.
 */
import { UPLOAD_LIMIT_EXTENSION } from '../../../src/platform/common/http/upload.js';
import { operationsOf, type OpenApiDocument, type OpenApiParameter, type Operation } from '../../support/openapi-operations.js';

/** What the fuzzer reads of a JSON schema of the document. */
export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  default?: unknown;
  minimum?: number;
  minLength?: number;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
}

export interface FuzzCase {
  /** `METHOD /path/{template}` of the operation. */
  operation: string;
  /** What is hostile about this request. */
  label: string;
  method: string;
  /** Path and query, already percent-encoded as sent. */
  url: string;
  headers: Record<string, string>;
  /** The body as sent, in chunks (big fillers are shared between cases, not copied). */
  body: Buffer[];
  /**
   * The one status this case must get: from every caller (a body refused before routing), or
   * from a caller allowed to call the operation (an upload over the operation's limit).
   */
  expectedStatus?: { status: number; from: 'everyone' | 'allowed' };
}

export interface FuzzOptions {
  /** The app's JSON body limit: a body one byte longer must be refused with 413. */
  jsonLimitBytes: number;
  /** An operation taking signed events (Stripe's webhook): hostile events are signed as the sender would, so they pass the signature. */
  signedEvents?: SignedEvents;
}

export interface SignedEvents {
  /** `METHOD /path` of the operation. */
  operation: string;
  /** The header carrying the signature. */
  header: string;
  /** The signature header value of a payload, signed now. */
  sign: (payload: string) => string;
}

/** A UUID no row has: a well-formed identifier of nothing. */
export const UNKNOWN_UUID = '6f1c1f5e-0b7e-4c55-9f5b-1d2a3c4e5f60';
/** A numeric identifier no row has that still fits a PostgreSQL integer. */
const UNKNOWN_NUMBER = 987_654_321;

const LONG_TEXT = 'x'.repeat(100_000);
const DEEP_LEVELS = 5_000;
const deepObject = () => `${'{"a":'.repeat(DEEP_LEVELS)}1${'}'.repeat(DEEP_LEVELS)}`;
const deepArray = () => `${'['.repeat(DEEP_LEVELS)}1${']'.repeat(DEEP_LEVELS)}`;

/** Values for a path, query or header parameter, as they are written in a URL (already percent-encoded). */
const HOSTILE_URL_VALUES: Array<[string, string]> = [
  ['a 4,096-character string', 'a'.repeat(4096)],
  ['an encoded path traversal', '..%2F..%2Fetc%2Fpasswd'],
  ['an encoded "../"', '%2e%2e%2f'],
  ['SQL', "'%20OR%201%3D1%20--"],
  ['NaN', 'NaN'],
  ['Infinity', 'Infinity'],
  ['-Infinity', '-Infinity'],
  ['-1', '-1'],
  ['0', '0'],
  ['a fraction', '1.5'],
  ['1e309', '1e309'],
  ['a 20-digit number', '99999999999999999999'],
  ['2^31', '2147483648'],
  ['2^63', '9223372036854775808'],
  ['an unknown UUID', UNKNOWN_UUID],
  ['a blank', '%20'],
  ['"null"', 'null'],
  ['"undefined"', 'undefined'],
  ['"true"', 'true'],
  ['unicode', '%F0%9F%8E%B5%C3%A9%E2%80%AE'],
  ['a NUL', 'a%00b'],
  ['a bare %', '%'],
  ['a malformed escape', '%E0%A4%A'],
  ['an invalid UTF-8 byte', '%FF'],
];

/**
 * Values for a date or date-time query parameter, at and past the edges of what PostgreSQL
 * stores (4713 BC to 294276 AD) and of what a four-digit ISO 8601 year writes (already percent-encoded).
 */
const DATE_EDGE_VALUES: Array<[string, string]> = [
  ['year 0000', '0000-01-01'],
  ['year 0000 as a date-time', '0000-01-01T00:00:00Z'],
  ['year 0001 pushed into year 0 by its offset', '0001-01-01T00%3A00%2B01%3A00'],
  ['the first instant of year 1', '0001-01-01T00:00:00.000Z'],
  ["4713 BC written PostgreSQL's way", '4713-01-01%20BC'],
  ['4713 BC as an expanded ISO year', '-004713-01-01'],
  ['4714 BC as an expanded ISO year', '-004714-11-24T00:00:00Z'],
  ['year 294277', '294277-01-01'],
  ['year 294277 as an expanded ISO year', '%2B294277-01-01T00:00:00Z'],
  ['year 10000', '10000-01-01'],
  ['the last millisecond of 9999', '9999-12-31T23:59:59.999Z'],
  ['the last minute of 9999 pushed into 10000 by its offset', '9999-12-31T23:59-01%3A00'],
  ['day 32', '2024-01-32'],
  ['month 13', '2024-13-01'],
  ['hour 25', '2024-01-01T25:00:00Z'],
  ['"infinity"', 'infinity'],
  ['"epoch"', 'epoch'],
];

/** The same as header values: only what HTTP lets a header carry. */
const HOSTILE_HEADER_VALUES: Array<[string, string]> = [
  ['a 4,096-character string', 'a'.repeat(4096)],
  ['a path traversal', '../../etc/passwd'],
  ['SQL', "' OR 1=1 --"],
  ['NaN', 'NaN'],
  ['-1', '-1'],
  ['1e309', '1e309'],
  ['an empty value', ''],
  ['Latin-1 bytes', '\u00e9\u00ff'],
];

/** JSON text standing for itself in a body (a literal JSON.stringify cannot write, or a deep nest). */
class RawJson {
  constructor(readonly text: string) {}
}

/** Values given to each property of a JSON body, whatever its declared type. */
const HOSTILE_JSON_VALUES: Array<[string, unknown]> = [
  ['a string', 'fuzz'],
  ['an empty string', ''],
  ['a number', 12_345],
  ['-1', -1],
  ['a fraction', 0.5],
  ['an object', { a: 1 }],
  ['an array', [1, 'x']],
  ['an empty array', []],
  ['true', true],
  ['null', null],
  ['1e308', 1e308],
  ['-1e308', -1e308],
  ['2^63', 2 ** 63],
  ['the literal 1e309', new RawJson('1e309')],
  ['a 20-digit literal', new RawJson('99999999999999999999')],
  ['"NaN"', 'NaN'],
  ['"Infinity"', 'Infinity'],
  ['"-Infinity"', '-Infinity'],
  ['a 100,000-character string', LONG_TEXT],
  ['a NUL', 'a\u0000b'],
  ['unicode', '\u{1F3B5}\u00e9\u202e'],
  ['SQL', "' OR 1=1 --"],
  ['a path traversal', '../../etc/passwd'],
  ['a 5,000-deep object', new RawJson(deepObject())],
  ['a 5,000-deep array', new RawJson(deepArray())],
];

/** Form fields of a multipart body are text: these are the hostile texts. */
const HOSTILE_FORM_VALUES: Array<[string, string]> = [
  ['an empty value', ''],
  ['NaN', 'NaN'],
  ['Infinity', 'Infinity'],
  ['1e309', '1e309'],
  ['a 20-digit number', '99999999999999999999'],
  ['-1', '-1'],
  ['a 60,000-character value', 'x'.repeat(60_000)],
  ['SQL', "' OR 1=1 --"],
  ['a NUL', 'a\u0000b'],
  ['JSON', '{"a":[1,2]}'],
];

const MALFORMED_JSON: Array<[string, string]> = [
  ['truncated JSON', '{"a":'],
  ['a trailing comma', '{"a":1,}'],
  ['an unclosed object', '{'],
  ['an unclosed array', '[1,2'],
  ['single quotes', "{'a':1}"],
  ['an unterminated string', '{"a":"b'],
  ['an empty body', ''],
  ['a bare word', 'nul'],
  ['two documents', '{}{}'],
  ['a NUL byte', '{"a":\u00001}'],
];

const NOT_AN_OBJECT: Array<[string, string]> = [
  ['an empty array', '[]'],
  ['an array of objects', '[{},{}]'],
  ['a string', '"text"'],
  ['a number', '42'],
  ['null', 'null'],
  ['true', 'true'],
];

/** The fuzz cases of every operation, made one operation at a time (they are many, some big). */
export function* fuzzCases(document: OpenApiDocument, options: FuzzOptions): Generator<FuzzCase> {
  const fillers = new Fillers();
  // A path alias runs the same handler as the operation it repeats: fuzzing it again finds nothing new.
  for (const operation of operationsOf(document).filter(({ raw }) => !raw['x-alias-of']))
    yield* casesOf(new OperationFuzzer(document, operation, fillers), options);
}

function* casesOf(fuzzer: OperationFuzzer, options: FuzzOptions): Generator<FuzzCase> {
  yield* fuzzer.pathCases();
  yield* fuzzer.queryCases();
  yield* fuzzer.headerCases();
  const content = fuzzer.operation.requestBody?.content ?? {};
  const json = content['application/json']?.schema as Schema | undefined;
  if (json) yield* fuzzer.jsonCases(json, options);
  const form = content['multipart/form-data']?.schema as Schema | undefined;
  if (form) yield* fuzzer.multipartCases(form);
  if (options.signedEvents?.operation === fuzzer.operation.name) yield* fuzzer.signedEventCases(options.signedEvents);
  // Without a JSON body of its own, an operation still meets the body parser.
  if (!json) yield* fuzzer.strayBodyCases();
}

/** Big buffers of one repeated byte, made once per size and shared by every case that sends that many. */
class Fillers {
  private readonly made = new Map<number, Buffer>();

  of(bytes: number): Buffer {
    let filler = this.made.get(bytes);
    if (!filler) {
      filler = Buffer.alloc(bytes, 'x');
      this.made.set(bytes, filler);
    }
    return filler;
  }
}

/** Deterministic bytes that are no format at all (the same every run). */
function noiseBytes(length: number): Buffer {
  const bytes = Buffer.alloc(length);
  let state = 0x2545f491;
  for (let i = 0; i < length; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    bytes[i] = state & 0xff;
  }
  return bytes;
}

interface FilePart {
  field: string;
  filename: string;
  contentType: string;
  content: Buffer[];
}

const BOUNDARY = 'fuzz-boundary-7d3a9c';

/** A multipart/form-data body: text fields, then files. */
function multipart(fields: Array<[string, string]>, files: FilePart[], { close = true } = {}): Buffer[] {
  const chunks: Buffer[] = [];
  for (const [name, value] of fields) chunks.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  for (const file of files) {
    chunks.push(
      Buffer.from(
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.filename}"\r\nContent-Type: ${file.contentType}\r\n\r\n`,
      ),
    );
    chunks.push(...file.content, Buffer.from('\r\n'));
  }
  if (close) chunks.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return chunks;
}

const MULTIPART = `multipart/form-data; boundary=${BOUNDARY}`;
const JSON_TYPE = 'application/json';

/** JSON text of a value, with RawJson pieces written as they are. */
function toJson(value: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(value, (_key, item: unknown) => {
    if (!(item instanceof RawJson)) return item;
    raws.push(item.text);
    return `\u0000raw${raws.length - 1}\u0000`;
  });
  return text.replace(/"\\u0000raw(\d+)\\u0000"/g, (_match, index: string) => raws[Number(index)]!);
}

/** A property path into a body: names of object properties and 0 for "the first item". */
type PropertyPath = Array<string | 0>;

const describePath = (path: PropertyPath) => path.join('.');

/** The cases of one operation. */
class OperationFuzzer {
  private readonly parameters: Array<Omit<OpenApiParameter, 'schema'> & { schema?: Schema }>;

  constructor(
    private readonly document: OpenApiDocument,
    readonly operation: Operation,
    private readonly fillers: Fillers,
  ) {
    this.parameters = operation.parameters.map((parameter) => ({ ...parameter, schema: parameter.schema && this.resolve(parameter.schema as Schema) }));
  }

  private get name(): string {
    return this.operation.name;
  }

  private make(label: string, parts: { path?: Record<string, string>; query?: string; headers?: Record<string, string>; body?: Buffer[] } = {}): FuzzCase {
    const path = this.operation.path.replace(/\{([^}]+)\}/g, (_match, name: string) => parts.path?.[name] ?? this.knownPathValue(name));
    return {
      operation: this.name,
      label,
      method: this.operation.method.toUpperCase(),
      url: parts.query ? `${path}?${parts.query}` : path,
      headers: parts.headers ?? {},
      body: parts.body ?? [],
    };
  }

  /** A well-formed identifier of nothing: the value path parameters have when something else is fuzzed. */
  private knownPathValue(name: string): string {
    const schema = this.parameters.find((parameter) => parameter.in === 'path' && parameter.name === name)?.schema;
    return isNumeric(schema) ? String(UNKNOWN_NUMBER) : UNKNOWN_UUID;
  }

  *pathCases(): Generator<FuzzCase> {
    for (const parameter of this.parameters.filter((candidate) => candidate.in === 'path')) {
      for (const [label, value] of HOSTILE_URL_VALUES) yield this.make(`path ${parameter.name} = ${label}`, { path: { [parameter.name]: value } });
      // Unencoded, the traversal reaches the router as more path segments.
      yield this.make(`path ${parameter.name} = a raw path traversal`, { path: { [parameter.name]: '../../etc/passwd' } });
    }
  }

  *queryCases(): Generator<FuzzCase> {
    for (const parameter of this.parameters.filter((candidate) => candidate.in === 'query')) {
      const name = encodeURIComponent(parameter.name);
      for (const [label, value] of HOSTILE_URL_VALUES) yield this.make(`query ${parameter.name} = ${label}`, { query: `${name}=${value}` });
      if (isDate(parameter.schema)) {
        for (const [label, value] of DATE_EDGE_VALUES) yield this.make(`query ${parameter.name} = ${label}`, { query: `${name}=${value}` });
      }
      yield this.make(`query ${parameter.name} twice`, { query: `${name}=1&${name}=2` });
      yield this.make(`query ${parameter.name} empty`, { query: `${name}=` });
      yield this.make(`query ${parameter.name} without a value`, { query: name });
      yield this.make(`query ${parameter.name}[] (array syntax)`, { query: `${name}[]=1` });
      yield this.make(`query ${parameter.name}[a] (object syntax)`, { query: `${name}[a]=1` });
    }
    yield this.make('an unknown query parameter', { query: 'fuzz_unknown=1' });
    yield this.make('a 4,096-character query parameter name', { query: `${'q'.repeat(4096)}=1` });
  }

  *headerCases(): Generator<FuzzCase> {
    for (const parameter of this.parameters.filter((candidate) => candidate.in === 'header')) {
      for (const [label, value] of HOSTILE_HEADER_VALUES) yield this.make(`header ${parameter.name} = ${label}`, { headers: { [parameter.name]: value } });
    }
  }

  *jsonCases(schema: Schema, options: FuzzOptions): Generator<FuzzCase> {
    const json = (label: string, text: string | Buffer[], contentType = JSON_TYPE, headers: Record<string, string> = {}) =>
      this.make(label, { headers: { 'content-type': contentType, ...headers }, body: typeof text === 'string' ? [Buffer.from(text)] : text });
    const alternatives = this.alternativesOf(schema);
    const base = toJson(this.plausible(alternatives[0]!));

    for (const [label, text] of MALFORMED_JSON) yield json(`body: ${label}`, text);
    for (const [label, text] of NOT_AN_OBJECT) yield json(`body: ${label} instead of an object`, text);
    yield json('body: an empty object', '{}');
    yield json('body: an unknown property', toJson({ ...(this.plausible(alternatives[0]!) as object), fuzz_unknown: 1 }));
    yield json('body: a __proto__ property', `{"__proto__":{"role":"admin","isAdmin":true},${base.slice(1)}`);
    yield json('body: a constructor.prototype property', toJson({ constructor: { prototype: { role: 'admin' } } }));
    yield json('body: a 5,000-deep object', deepObject());
    yield json('body: a 5,000-deep array', deepArray());

    for (const alternative of alternatives) {
      for (const path of this.propertyPaths(alternative)) {
        for (const [label, value] of HOSTILE_JSON_VALUES) {
          yield json(`body ${describePath(path)} = ${label}`, toJson(this.plausibleWith(alternative, path, value)));
        }
      }
    }

    yield json('body as text/plain', base, 'text/plain');
    yield json('body as application/xml', '<?xml version="1.0"?><a><b>1</b></a>', 'application/xml');
    yield json('body as an urlencoded form', 'a=1&b[c]=2&b[c]=3', 'application/x-www-form-urlencoded');
    yield json('body as multipart garbage', 'this is not multipart at all', MULTIPART);
    yield json('body as multipart without a boundary', base, 'multipart/form-data');
    yield json('body as an unknown type', base, 'application/x-fuzz');
    yield json('body in an unsupported charset', base, `${JSON_TYPE}; charset=utf-7`);
    yield json('body claiming gzip but not gzip', base, JSON_TYPE, { 'content-encoding': 'gzip' });
    yield json('body in an unknown content encoding', base, JSON_TYPE, { 'content-encoding': 'fuzz' });
    yield {
      ...json(`body one byte over the ${options.jsonLimitBytes}-byte limit`, [
        Buffer.from('{"a":"'),
        this.fillers.of(options.jsonLimitBytes - 7),
        Buffer.from('"}'),
      ]),
      expectedStatus: { status: 413, from: 'everyone' },
    };
  }

  *multipartCases(schema: Schema): Generator<FuzzCase> {
    const form = (label: string, body: Buffer[]) => this.make(label, { headers: { 'content-type': MULTIPART }, body });
    for (const alternative of this.alternativesOf(schema)) {
      const properties = Object.entries(alternative.properties ?? {});
      const fileFields = properties.filter(([, property]) => property.format === 'binary').map(([name]) => name);
      const fields = this.formFields(alternative);
      for (const [name] of properties.filter(([, property]) => property.format !== 'binary')) {
        for (const [label, value] of HOSTILE_FORM_VALUES) {
          yield form(`form field ${name} = ${label}`, multipart([...fields.filter(([field]) => field !== name), [name, value]], []));
        }
      }
      for (const field of fileFields) {
        const file = (filename: string, contentType: string, content: Buffer[]): FilePart => ({ field, filename, contentType, content });
        const limit = this.uploadLimit();
        yield form(`file ${field}: empty`, multipart(fields, [file('empty.bin', 'application/octet-stream', [])]));
        yield form(`file ${field}: text named .mp3`, multipart(fields, [file('song.mp3', 'audio/mpeg', [Buffer.from('this is not audio\n')])]));
        yield form(`file ${field}: random bytes named .csv`, multipart(fields, [file('data.csv', 'text/csv', [noiseBytes(4096)])]));
        yield form(`file ${field}: random bytes named .png`, multipart(fields, [file('cover.png', 'image/png', [noiseBytes(4096)])]));
        yield form(`file ${field}: a path traversal name`, multipart(fields, [file('../../x.csv', 'text/csv', [Buffer.from('a,b\n1,2\n')])]));
        yield form(
          `file ${field}: twice`,
          multipart(fields, [file('a.csv', 'text/csv', [Buffer.from('a\n')]), file('b.csv', 'text/csv', [Buffer.from('b\n')])]),
        );
        yield form(`file ${field}: cut off mid-body`, multipart(fields, [file('cut.csv', 'text/csv', [Buffer.from('a,b\n1,')])], { close: false }));
        yield {
          ...form(
            `file ${field}: one byte over the ${limit}-byte limit`,
            multipart(fields, [file('big.bin', 'application/octet-stream', [this.fillers.of(limit + 1)])]),
          ),
          expectedStatus: { status: 413, from: 'allowed' },
        };
      }
      if (fileFields.length > 0) {
        yield form(
          'a file in an unexpected field',
          multipart(fields, [{ field: 'fuzz_unknown_file', filename: 'x.csv', contentType: 'text/csv', content: [Buffer.from('a\n')] }]),
        );
      }
    }
    yield form('multipart: a field name nested 5,000 levels', multipart([[`a${'[a]'.repeat(DEEP_LEVELS)}`, '1']], []));
    yield form('multipart: a field name with the array index 99,999,999', multipart([['a[99999999]', '1']], []));
    yield form('multipart: a part without a name', [Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data\r\n\r\nvalue\r\n--${BOUNDARY}--\r\n`)]);
    yield form('multipart: headers without a body', [Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="a"`)]);
  }

  /**
   * Correctly signed events that are malformed: every hostile value as `data.object` of each kind
   * of event, as each field of a plausible subscription and invoice, and envelopes without their
   * parts. Each event has an id of its own, so that none is skipped as a redelivery.
   */
  *signedEventCases(signing: SignedEvents): Generator<FuzzCase> {
    let events = 0;
    const signed = (label: string, event: unknown) => {
      const payload = toJson(event);
      return this.make(`signed event: ${label}`, {
        headers: { 'content-type': JSON_TYPE, [signing.header]: signing.sign(payload) },
        body: [Buffer.from(payload)],
      });
    };
    const event = (type: string, object: unknown) => ({ id: `evt_fuzz_${++events}`, object: 'event', type, created: 1_700_000_000, data: { object } });
    for (const type of [...SIGNED_EVENT_OBJECTS.map(([eventType]) => eventType), 'fuzz.unknown.event']) {
      for (const [label, value] of HOSTILE_JSON_VALUES) yield signed(`${type} with data.object = ${label}`, event(type, value));
    }
    for (const [type, object] of SIGNED_EVENT_OBJECTS) {
      for (const name of Object.keys(object)) {
        for (const [label, value] of HOSTILE_JSON_VALUES)
          yield signed(`${type} with data.object.${name} = ${label}`, event(type, { ...object, [name]: value }));
      }
    }
    const whole = event(...SIGNED_EVENT_OBJECTS[0]!);
    for (const part of ['id', 'type', 'data'] as const) {
      for (const [label, value] of HOSTILE_JSON_VALUES)
        yield signed(`an event with ${part} = ${label}`, { ...whole, id: `evt_fuzz_${++events}`, [part]: value });
      const { [part]: _left, ...without } = { ...whole, id: `evt_fuzz_${++events}` };
      yield signed(`an event without ${part}`, without);
    }
  }

  /** A JSON body and a bad content type, for operations that take no JSON body. */
  *strayBodyCases(): Generator<FuzzCase> {
    yield this.make('an unexpected body: truncated JSON', { headers: { 'content-type': JSON_TYPE }, body: [Buffer.from('{"a":')] });
    yield this.make('an unexpected body: a JSON object', { headers: { 'content-type': JSON_TYPE }, body: [Buffer.from('{"fuzz_unknown":1}')] });
    yield this.make('an unexpected body: multipart garbage', { headers: { 'content-type': MULTIPART }, body: [Buffer.from('garbage')] });
  }

  private uploadLimit(): number {
    const limit = this.operation.raw[UPLOAD_LIMIT_EXTENSION];
    if (typeof limit !== 'number')
      throw new Error(`${this.name} takes a file but does not declare ${UPLOAD_LIMIT_EXTENSION} (use FileUpload or ApiUploadLimit)`);
    return limit;
  }

  /** Plausible text form fields of a form schema: its required fields that are not files. */
  private formFields(schema: Schema): Array<[string, string]> {
    return Object.entries(schema.properties ?? {})
      .filter(([name, property]) => schema.required?.includes(name) && property.format !== 'binary')
      .map(([name, property]) => {
        const value = this.plausible(property);
        return [name, typeof value === 'object' ? JSON.stringify(value) : String(value)];
      });
  }

  /** A plausible value of the schema but for `value` at `path` (optional objects on the way made plausible too). */
  private plausibleWith(schema: Schema, path: PropertyPath, value: unknown): unknown {
    const root = this.plausible(schema) as Record<string | number, unknown>;
    let node = root;
    let nodeSchema = this.resolve(schema);
    for (const step of path.slice(0, -1)) {
      const stepSchema = this.resolve(step === 0 ? nodeSchema.items! : nodeSchema.properties![step]!);
      if (typeof node[step] !== 'object' || node[step] === null) node[step] = stepSchema.type === 'array' ? [] : this.plausible(stepSchema);
      node = node[step] as Record<string | number, unknown>;
      nodeSchema = stepSchema;
    }
    node[path[path.length - 1]!] = value;
    return root;
  }

  /** Paths to every property, nested objects' and first array items' included. */
  private propertyPaths(schema: Schema, parent: PropertyPath = [], depth = 0): PropertyPath[] {
    if (depth > 3) return [];
    return Object.entries(schema.properties ?? {}).flatMap(([name, raw]) => {
      const property = this.resolve(raw);
      if (property.format === 'binary') return [];
      const path = [...parent, name];
      const items = property.items && this.resolve(property.items);
      const nested = property.properties
        ? this.propertyPaths(property, path, depth + 1)
        : items?.properties
          ? this.propertyPaths(items, [...path, 0], depth + 1)
          : [];
      return [path, ...nested];
    });
  }

  /** The alternatives of a body schema (oneOf/anyOf), each resolved. */
  private alternativesOf(schema: Schema): Schema[] {
    const resolved = this.resolve(schema);
    const alternatives = resolved.oneOf ?? resolved.anyOf ?? [resolved];
    return alternatives.map((alternative) => this.resolve(alternative));
  }

  /** A schema with its $ref followed and allOf merged. */
  private resolve(schema: Schema): Schema {
    let resolved = schema;
    for (let hops = 0; resolved.$ref && hops < 10; hops++) {
      const name = resolved.$ref.replace('#/components/schemas/', '');
      const target = this.document.components?.schemas?.[name] as Schema | undefined;
      if (!target) throw new Error(`${this.name}: unresolvable ${resolved.$ref}`);
      const { $ref: _ref, ...rest } = resolved;
      resolved = { ...target, ...rest };
    }
    if (!resolved.allOf) return resolved;
    const { allOf, ...rest } = resolved;
    return allOf
      .map((part) => this.resolve(part))
      .reduce<Schema>(
        (merged, part) => ({
          ...part,
          ...merged,
          properties: { ...part.properties, ...merged.properties },
          required: [...(merged.required ?? []), ...(part.required ?? [])],
        }),
        rest,
      );
  }

  /** A value the schema accepts as well as the document tells: its required properties, examples, defaults, formats. */
  private plausible(raw: Schema, depth = 0): unknown {
    const schema = this.resolve(raw);
    if (schema.oneOf ?? schema.anyOf) return this.plausible((schema.oneOf ?? schema.anyOf)![0]!, depth);
    if (schema.enum?.length) return schema.enum[0];
    if (schema.example !== undefined) return schema.example;
    if (schema.default !== undefined) return schema.default;
    switch (schema.format) {
      case 'uuid':
        return UNKNOWN_UUID;
      case 'email':
        return 'fuzz@example.com';
      case 'date-time':
        return '2024-01-01T00:00:00.000Z';
      case 'date':
        return '2024-01-01';
      case 'uri':
      case 'url':
        return 'https://example.com/fuzz';
      default:
        break;
    }
    if (isNumeric(schema)) return schema.minimum ?? 1;
    if (schema.type === 'boolean') return true;
    if (schema.type === 'array') return depth > 3 || !schema.items ? [] : [this.plausible(schema.items, depth + 1)];
    if (schema.properties) {
      return Object.fromEntries(
        Object.entries(schema.properties)
          .filter(([name, property]) => schema.required?.includes(name) && property.format !== 'binary')
          .map(([name, property]) => [name, depth > 3 ? null : this.plausible(property, depth + 1)]),
      );
    }
    return 'fuzz'.padEnd(schema.minLength ?? 4, 'z');
  }
}

function isNumeric(schema: Schema | undefined): boolean {
  return schema?.type === 'number' || schema?.type === 'integer';
}

function isDate(schema: Schema | undefined): boolean {
  return schema?.format === 'date' || schema?.format === 'date-time';
}

/** Event types with a plausible object of theirs, whose fields the signed events make hostile one at a time. */
const SIGNED_EVENT_OBJECTS: Array<[type: string, object: Record<string, unknown>]> = [
  [
    'customer.subscription.updated',
    {
      id: 'sub_fuzz',
      object: 'subscription',
      customer: 'cus_fuzz',
      status: 'active',
      metadata: { encore_user_id: UNKNOWN_UUID, encore_plan: 'premium' },
      start_date: 1_700_000_000,
      cancel_at_period_end: false,
      canceled_at: null,
      ended_at: null,
      trial_end: null,
      items: { object: 'list', data: [{ id: 'si_fuzz', price: { id: 'price_fuzz' }, current_period_start: 1_700_000_000, current_period_end: 1_702_592_000 }] },
    },
  ],
  ['invoice.payment_failed', { id: 'in_fuzz', object: 'invoice', parent: { subscription_details: { subscription: 'sub_fuzz' } }, subscription: 'sub_fuzz' }],
];
