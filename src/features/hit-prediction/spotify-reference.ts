/** A Spotify track id: 22 characters of base 62. */
const TRACK_ID = /^[0-9A-Za-z]{22}$/;

export class InvalidSpotifyReferenceError extends Error {}

/**
 * The track id in what people paste: an open.spotify.com track link (with or without
 * `?si=...` or an `/intl-xx/` segment), a `spotify:track:` URI, or a bare id.
 */
export function parseSpotifyTrackReference(input: string): string {
  const text = input.trim();
  if (TRACK_ID.test(text)) return text;
  if (!/[/:.]/.test(text)) throw new InvalidSpotifyReferenceError(`"${text}" is not a Spotify track id (22 letters and digits)`);
  if (text.startsWith('spotify:')) {
    const [, kind, id, ...rest] = text.split(':');
    if (kind === 'track' && id && TRACK_ID.test(id) && rest.length === 0) return id;
    throw new InvalidSpotifyReferenceError(`"${text}" is not a spotify:track: URI with a 22-character track id`);
  }
  let url: URL;
  try {
    url = new URL(/^https?:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    throw new InvalidSpotifyReferenceError(`"${text}" is neither a Spotify link, a spotify:track: URI nor a track id`);
  }
  if (url.hostname !== 'open.spotify.com') {
    throw new InvalidSpotifyReferenceError(`"${text}" is not an open.spotify.com link`);
  }
  const segments = url.pathname.split('/').filter(Boolean);
  if (segments[0]?.startsWith('intl-')) segments.shift();
  const [kind, id] = segments;
  if (kind !== 'track') throw new InvalidSpotifyReferenceError(`"${text}" is a Spotify ${kind ?? 'home'} link, not a track link`);
  if (!id || !TRACK_ID.test(id) || segments.length > 2) {
    throw new InvalidSpotifyReferenceError(`"${text}" does not end in a 22-character track id`);
  }
  return id;
}
