import { isJsonObject, jsonReader, type Json } from './json-reader.js';

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

const { object, text, optionalText, count } = jsonReader(LastfmFormatError);

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
  if (!isJsonObject(value)) return null;
  const { error, message } = value;
  const code = typeof error === 'string' && /^\d+$/.test(error) ? Number(error) : error;
  if (typeof code !== 'number' || !Number.isInteger(code)) return null;
  return { code, message: typeof message === 'string' ? message : '' };
}
