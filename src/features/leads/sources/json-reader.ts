/** A JSON object, as JSON.parse gives it. */
export type Json = Record<string, unknown>;

/** The error a format module throws for a body of another shape (LastfmFormatError, YoutubeFormatError, ...). */
export type FormatErrorClass = new (message: string) => Error;

/** An object that is not null and not an array; for readers that must not throw (error bodies). */
export function isJsonObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The readers the sources' format modules build their typed objects with, each throwing
 * `FormatError` (the module's own class, so callers can tell a malformed body by `instanceof`)
 * with where in the body it went wrong: `${where}.${key} is missing`, `... is not a string`.
 * An optional field that is absent, null (or, for text, "") reads as null ([] for lists, false
 * for flags); a field of the wrong kind always throws. Destructure what a module needs:
 * `const { object, text } = jsonReader(LastfmFormatError);`.
 */
export function jsonReader(FormatError: FormatErrorClass) {
  function object(value: unknown, where: string): Json {
    if (!isJsonObject(value)) throw new FormatError(`${where} is not an object`);
    return value;
  }

  function optionalObject(parent: Json, key: string, where: string): Json | null {
    const value = parent[key];
    return value === undefined || value === null ? null : object(value, `${where}.${key}`);
  }

  function text(parent: Json, key: string, where: string): string {
    const value = parent[key];
    if (typeof value !== 'string') throw new FormatError(`${where}.${key} is ${value === undefined ? 'missing' : 'not a string'}`);
    return value;
  }

  /** As text(), but "" is refused too. */
  function nonEmptyText(parent: Json, key: string, where: string): string {
    const value = parent[key];
    if (typeof value !== 'string' || value === '') throw new FormatError(`${where}.${key} is ${value === undefined ? 'missing' : 'not a non-empty string'}`);
    return value;
  }

  function optionalText(parent: Json, key: string, where: string): string | null {
    const value = parent[key];
    if (value === undefined || value === null || value === '') return null;
    if (typeof value !== 'string') throw new FormatError(`${where}.${key} is not a string`);
    return value;
  }

  /** Any finite number; a string of digits is read as its number (MusicBrainz's label-code has been seen as one in old data). */
  function optionalNumber(parent: Json, key: string, where: string): number | null {
    const value = parent[key];
    if (value === undefined || value === null) return null;
    const number = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
    if (typeof number !== 'number' || !Number.isFinite(number)) throw new FormatError(`${where}.${key} is not a number`);
    return number;
  }

  /** A required count (a non-negative safe integer): a number, or a string of digits, blanks around it forgiven (Last.fm). */
  function count(parent: Json, key: string, where: string): number {
    const value = parent[key];
    const number = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
    if (typeof number !== 'number' || !Number.isSafeInteger(number) || number < 0) {
      throw new FormatError(`${where}.${key} is ${value === undefined ? 'missing' : `not a count (${JSON.stringify(value).slice(0, 40)})`}`);
    }
    return number;
  }

  /** An optional count: a number, or a string of digits (how YouTube sends uint64 values, "123456"). */
  function optionalCount(parent: Json, key: string, where: string): number | null {
    const value = parent[key];
    if (value === undefined || value === null) return null;
    const number = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
    if (typeof number !== 'number' || !Number.isSafeInteger(number) || number < 0) throw new FormatError(`${where}.${key} is not a count`);
    return number;
  }

  function flag(parent: Json, key: string, where: string): boolean {
    const value = parent[key];
    if (value === undefined || value === null) return false;
    if (typeof value !== 'boolean') throw new FormatError(`${where}.${key} is not a boolean`);
    return value;
  }

  function list(parent: Json, key: string, where: string): unknown[] {
    const value = parent[key];
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) throw new FormatError(`${where}.${key} is not an array`);
    return value;
  }

  function texts(parent: Json, key: string, where: string): string[] {
    return list(parent, key, where).map((value, i) => {
      if (typeof value !== 'string') throw new FormatError(`${where}.${key}[${i}] is not a string`);
      return value;
    });
  }

  return { object, optionalObject, text, nonEmptyText, optionalText, optionalNumber, count, optionalCount, flag, list, texts };
}

export type JsonReader = ReturnType<typeof jsonReader>;
