/**
 * Which YouTube channel a URL names, in the three forms the Data API can look up (channels.list
 * by id, forHandle or forUsername). MusicBrainz artists often carry one as a "youtube" URL relation.
 * Legacy custom URLs (youtube.com/c/Name, youtube.com/Name) have no API lookup and are not read.
 */
export type YoutubeChannelRef = { kind: 'id'; id: string } | { kind: 'handle'; handle: string } | { kind: 'username'; username: string };

/** A channel id: "UC" and 22 base64url characters. */
export const YOUTUBE_CHANNEL_ID = /^UC[A-Za-z0-9_-]{22}$/;

const YOUTUBE_HOSTS = new Set(['youtube.com', 'www.youtube.com', 'm.youtube.com', 'music.youtube.com']);

/**
 * The channel of youtube.com/channel/UC…, youtube.com/@handle or youtube.com/user/name (any
 * subpage, http or https, www., m. or music.; the scheme may be left out); null for any other URL.
 */
export function parseYoutubeChannelUrl(value: string): YoutubeChannelRef | null {
  const trimmed = value.trim();
  let url: URL;
  try {
    url = new URL(/^https?:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
  } catch {
    return null;
  }
  if (!YOUTUBE_HOSTS.has(url.hostname.toLowerCase())) return null;
  const [first, second] = url.pathname.split('/').filter(Boolean).map(decodeSegment);
  if (!first) return null;
  if (first.startsWith('@') && first.length > 1) return { kind: 'handle', handle: first.slice(1) };
  if (first === 'channel' && second && YOUTUBE_CHANNEL_ID.test(second)) return { kind: 'id', id: second };
  if (first === 'user' && second) return { kind: 'username', username: second };
  return null;
}

/** The ref as a cache key: ids as they are (case matters), handles and usernames in lower case (they do not). */
export function channelRefKey(ref: YoutubeChannelRef): string {
  if (ref.kind === 'id') return `channel/id/${ref.id}`;
  if (ref.kind === 'handle') return `channel/handle/${ref.handle.toLowerCase()}`;
  return `channel/username/${ref.username.toLowerCase()}`;
}

/** The channels.list parameter that looks the ref up. */
export function channelRefQuery(ref: YoutubeChannelRef): Record<string, string> {
  if (ref.kind === 'id') return { id: ref.id };
  if (ref.kind === 'handle') return { forHandle: `@${ref.handle}` };
  return { forUsername: ref.username };
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
