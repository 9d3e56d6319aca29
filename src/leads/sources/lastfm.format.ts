/**
 * Last.fm API 2.0 JSON (https://www.last.fm/api/show/artist.getInfo, format=json), read into plain
 * typed objects. Last.fm's JSON is a conversion of its XML and shows it: numbers come as strings
 * ("listeners": "123456"), a list of one may come as the object itself ({"tag": {...}} for
 * {"tag": [{...}]}), and an empty list as "" or as an object without its list. All of those are
 * read; a body of another shape throws LastfmFormatError.
 */

export interface LastfmArtistInfo {
  name: string;
  /** Last.fm's MusicBrainz id for the artist; null when it has none. */
  mbid: string | null;
  url: string;
  /** Distinct listeners, all time. */
  listeners: number;
  /** Scrobbles, all time. */
  playcount: number;
  /** The artist's top tags, most applied first (Last.fm sends up to 5). */
  tags: string[];
  /** Similar artists' names, most similar first (up to 5); absent when Last.fm sends none. */
  similar?: string[];
}

/** Last.fm's error body: {"error": 6, "message": "The artist you supplied could not be found", "links": []}. */
export interface LastfmError {
  code: number;
  message: string;
}

/** A body that is not Last.fm's documented format. */
export class LastfmFormatError extends Error {}

type Json = Record<string, unknown>;

function object(value: unknown, where: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new LastfmFormatError(`${where} is not an object`);
  return value as Json;
}

function text(parent: Json, key: string, where: string): string {
  const value = parent[key];
  if (typeof value !== 'string') throw new LastfmFormatError(`${where}.${key} is ${value === undefined ? 'missing' : 'not a string'}`);
  return value;
}

function optionalText(parent: Json, key: string, where: string): string | null {
  const value = parent[key];
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string') throw new LastfmFormatError(`${where}.${key} is not a string`);
  return value;
}

/** A count as Last.fm writes it: a string of digits (a plain number is accepted too). */
function count(parent: Json, key: string, where: string): number {
  const value = parent[key];
  const number = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isSafeInteger(number) || number < 0) {
    throw new LastfmFormatError(`${where}.${key} is ${value === undefined ? 'missing' : `not a count (${JSON.stringify(value).slice(0, 40)})`}`);
  }
  return number;
}

/** The items of a wrapped list ({"tag": [...]}), however Last.fm wrote it: [] for "", null, a missing list. */
function wrappedList(parent: Json, key: string, itemKey: string, where: string): Json[] {
  const wrapper = parent[key];
  if (wrapper === undefined || wrapper === null || wrapper === '') return [];
  const items = object(wrapper, `${where}.${key}`)[itemKey];
  if (items === undefined || items === null || items === '') return [];
  const at = `${where}.${key}.${itemKey}`;
  return Array.isArray(items) ? items.map((item, i) => object(item, `${at}[${i}]`)) : [object(items, at)];
}

/** GET ?method=artist.getinfo&format=json. */
export function readArtistInfo(value: unknown): LastfmArtistInfo {
  const artist = object(object(value, 'body').artist, 'artist');
  const stats = object(artist.stats, 'artist.stats');
  const similar = wrappedList(artist, 'similar', 'artist', 'artist').map((item, i) => text(item, 'name', `artist.similar.artist[${i}]`));
  return {
    name: text(artist, 'name', 'artist'),
    mbid: optionalText(artist, 'mbid', 'artist'),
    url: text(artist, 'url', 'artist'),
    listeners: count(stats, 'listeners', 'artist.stats'),
    playcount: count(stats, 'playcount', 'artist.stats'),
    tags: wrappedList(artist, 'tags', 'tag', 'artist').map((item, i) => text(item, 'name', `artist.tags.tag[${i}]`)),
    ...(similar.length > 0 ? { similar } : {}),
  };
}

/** Last.fm's error body, or null when the body is not one. Never throws. */
export function readLastfmError(value: unknown): LastfmError | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const { error, message } = value as Json;
  const code = typeof error === 'string' && /^\d+$/.test(error) ? Number(error) : error;
  if (typeof code !== 'number' || !Number.isInteger(code)) return null;
  return { code, message: typeof message === 'string' ? message : '' };
}
