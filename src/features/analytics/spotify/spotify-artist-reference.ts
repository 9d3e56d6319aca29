/** A Spotify artist id: 22 characters of base 62. */
const ARTIST_ID = /^[0-9A-Za-z]{22}$/;

/**
 * The artist id in what people paste: a bare id, a `spotify:artist:<id>` URI, or an
 * open.spotify.com artist link (http or https, with or without `?si=...`, an `/intl-xx/` segment
 * or a trailing slash). Null for anything else (a track link, another site, a typo).
 */
export function parseSpotifyArtistReference(input: string): string | null {
  const text = input.trim();
  if (ARTIST_ID.test(text)) return text;
  if (text.startsWith('spotify:')) {
    const [, kind, id, ...rest] = text.split(':');
    return kind === 'artist' && id && ARTIST_ID.test(id) && rest.length === 0 ? id : null;
  }
  let url: URL;
  try {
    url = new URL(/^https?:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return null;
  }
  if (url.hostname !== 'open.spotify.com') return null;
  const segments = url.pathname.split('/').filter(Boolean);
  if (segments[0]?.startsWith('intl-')) segments.shift();
  const [kind, id] = segments;
  return kind === 'artist' && id && ARTIST_ID.test(id) && segments.length === 2 ? id : null;
}
