import { isJsonObject, jsonReader, type Json } from './json-reader.js';

/**
 * YouTube Data API v3 JSON (https://developers.google.com/youtube/v3/docs), read into plain typed
 * objects: search.list, channels.list and playlistItems.list responses, and the error body
 * Google APIs send with 4xx/5xx. Strict about what identifies a thing (the response `kind`, ids,
 * titles) and about fields of the wrong kind: such a body is garbage and throws
 * YoutubeFormatError. Counts arrive as strings of digits (uint64 in JSON); they are read as numbers.
 */

export interface YtSearchChannel {
  channelId: string;
  title: string;
  description: string;
  /** When the channel was created (RFC 3339). */
  publishedAt: string | null;
}

/** A search.list answer, keeping only its channel results (type=channel asks for nothing else). */
export interface YtSearchList {
  channels: YtSearchChannel[];
  /** pageInfo.totalResults: YouTube's estimate, not a count. */
  totalResults: number | null;
}

export interface YtChannel {
  id: string;
  title: string;
  description: string;
  /** The channel's handle as YouTube shows it, e.g. "@tuiharbour" (or a legacy custom URL). */
  customUrl: string | null;
  /** When the channel was created (RFC 3339). */
  publishedAt: string | null;
  country: string | null;
  /** Null when the channel hides its subscriber count (statistics.hiddenSubscriberCount). */
  subscribers: number | null;
  views: number | null;
  videoCount: number | null;
  /** contentDetails.relatedPlaylists.uploads: the playlist of every public upload, newest first. */
  uploadsPlaylistId: string | null;
}

export interface YtPlaylistItem {
  videoId: string;
  /** contentDetails.videoPublishedAt; absent for private and deleted videos. */
  videoPublishedAt: string | null;
}

export interface YtPlaylistItemList {
  items: YtPlaylistItem[];
  /** Set when the playlist has more items than this page. */
  nextPageToken: string | null;
  totalResults: number | null;
}

/** Google's error body: {"error": {"code": 403, "message": "...", "errors": [{"reason": "quotaExceeded", "domain", "message"}]}}. */
export interface YtApiError {
  code: number | null;
  message: string;
  /**
   * errors[].reason (quotaExceeded, keyInvalid, forbidden, rateLimitExceeded, channelNotFound, ...)
   * then details[].reason of the newer google.rpc.ErrorInfo form (API_KEY_INVALID, SERVICE_DISABLED, ...).
   */
  reasons: string[];
}

/** A body that is not the YouTube Data API's documented format. */
export class YoutubeFormatError extends Error {}

const { object, optionalObject, text, optionalText, optionalCount, list } = jsonReader(YoutubeFormatError);

function response(value: unknown, kind: string): Json {
  const body = object(value, kind);
  const actual = body.kind;
  if (actual !== kind) throw new YoutubeFormatError(`kind is ${actual === undefined ? 'missing' : JSON.stringify(actual)}, not ${kind}`);
  return body;
}

function totalResults(body: Json, where: string): number | null {
  const pageInfo = optionalObject(body, 'pageInfo', where);
  return pageInfo ? optionalCount(pageInfo, 'totalResults', `${where}.pageInfo`) : null;
}

/** GET search?part=snippet&type=channel: its channel results, in YouTube's order (relevance). */
export function readSearchList(value: unknown): YtSearchList {
  const body = response(value, 'youtube#searchListResponse');
  const channels: YtSearchChannel[] = [];
  list(body, 'items', 'search').forEach((item, i) => {
    const at = `search.items[${i}]`;
    const result = object(item, at);
    const id = object(result.id, `${at}.id`);
    if (text(id, 'kind', `${at}.id`) !== 'youtube#channel') return;
    const snippet = object(result.snippet, `${at}.snippet`);
    channels.push({
      channelId: text(id, 'channelId', `${at}.id`),
      title: text(snippet, 'title', `${at}.snippet`),
      description: optionalText(snippet, 'description', `${at}.snippet`) ?? '',
      publishedAt: optionalText(snippet, 'publishedAt', `${at}.snippet`),
    });
  });
  return { channels, totalResults: totalResults(body, 'search') };
}

/** GET channels?part=snippet,statistics,contentDetails (by id, forHandle or forUsername): [] when none matched. */
export function readChannelList(value: unknown): YtChannel[] {
  const body = response(value, 'youtube#channelListResponse');
  return list(body, 'items', 'channels').map((item, i) => {
    const at = `channels.items[${i}]`;
    const channel = object(item, at);
    const snippet = object(channel.snippet, `${at}.snippet`);
    const statistics = optionalObject(channel, 'statistics', at);
    const contentDetails = optionalObject(channel, 'contentDetails', at);
    const playlists = contentDetails ? optionalObject(contentDetails, 'relatedPlaylists', `${at}.contentDetails`) : null;
    const hidden = statistics?.hiddenSubscriberCount;
    if (hidden !== undefined && typeof hidden !== 'boolean') throw new YoutubeFormatError(`${at}.statistics.hiddenSubscriberCount is not a boolean`);
    return {
      id: text(channel, 'id', at),
      title: text(snippet, 'title', `${at}.snippet`),
      description: optionalText(snippet, 'description', `${at}.snippet`) ?? '',
      customUrl: optionalText(snippet, 'customUrl', `${at}.snippet`),
      publishedAt: optionalText(snippet, 'publishedAt', `${at}.snippet`),
      country: optionalText(snippet, 'country', `${at}.snippet`),
      subscribers: statistics && !hidden ? optionalCount(statistics, 'subscriberCount', `${at}.statistics`) : null,
      views: statistics ? optionalCount(statistics, 'viewCount', `${at}.statistics`) : null,
      videoCount: statistics ? optionalCount(statistics, 'videoCount', `${at}.statistics`) : null,
      uploadsPlaylistId: playlists ? optionalText(playlists, 'uploads', `${at}.contentDetails.relatedPlaylists`) : null,
    };
  });
}

/** GET playlistItems?part=contentDetails: the videos of a playlist page, in playlist order. */
export function readPlaylistItemList(value: unknown): YtPlaylistItemList {
  const body = response(value, 'youtube#playlistItemListResponse');
  return {
    items: list(body, 'items', 'playlistItems').map((item, i) => {
      const at = `playlistItems.items[${i}]`;
      const details = object(object(item, at).contentDetails, `${at}.contentDetails`);
      return { videoId: text(details, 'videoId', `${at}.contentDetails`), videoPublishedAt: optionalText(details, 'videoPublishedAt', `${at}.contentDetails`) };
    }),
    nextPageToken: optionalText(body, 'nextPageToken', 'playlistItems'),
    totalResults: totalResults(body, 'playlistItems'),
  };
}

/** Google's error body, or null when the body is not one (any JSON without an `error` object). Never throws. */
export function readApiError(value: unknown): YtApiError | null {
  if (!isJsonObject(value)) return null;
  const error = value.error;
  if (!isJsonObject(error)) return null;
  const { code, message, errors, details } = error;
  const reasonsOf = (entries: unknown) =>
    Array.isArray(entries) ? entries.map((entry) => (entry as Json | null)?.reason).filter((reason): reason is string => typeof reason === 'string') : [];
  const reasons = [...reasonsOf(errors), ...reasonsOf(details)];
  return { code: typeof code === 'number' ? code : null, message: typeof message === 'string' ? message : '', reasons };
}
