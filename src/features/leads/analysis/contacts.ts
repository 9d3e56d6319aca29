/**
 * Contacts and platforms from the links sources publish (MusicBrainz URL relations, the Spotify
 * artist page, the YouTube channel): what each link is, read from its host and, for MusicBrainz,
 * its relation type. Nothing is guessed: a contact is a link or address a source gave.
 */

export type ContactKind =
  'website' | 'email' | 'instagram' | 'facebook' | 'twitter' | 'tiktok' | 'youtube' | 'bandcamp' | 'soundcloud' | 'spotify' | 'apple_music' | 'other';

export interface LeadContactFound {
  kind: ContactKind;
  value: string;
  /** Which source published it: musicbrainz, spotify, youtube, lastfm. */
  source: string;
}

/** Hosts (and their subdomains) of the platforms we name. */
const HOST_KINDS: ReadonlyArray<[host: string, kind: ContactKind]> = [
  ['instagram.com', 'instagram'],
  ['facebook.com', 'facebook'],
  ['fb.com', 'facebook'],
  ['twitter.com', 'twitter'],
  ['x.com', 'twitter'],
  ['tiktok.com', 'tiktok'],
  ['youtube.com', 'youtube'],
  ['youtu.be', 'youtube'],
  ['bandcamp.com', 'bandcamp'],
  ['soundcloud.com', 'soundcloud'],
  ['spotify.com', 'spotify'],
  ['music.apple.com', 'apple_music'],
  ['itunes.apple.com', 'apple_music'],
];

/** MusicBrainz URL relation types that are the artist's own page when the host is no platform. */
const WEBSITE_TYPES = new Set(['official homepage', 'blog']);
/** Relation types about the artist rather than by them (reference pages): not contacts. */
const REFERENCE_TYPES = new Set([
  'wikidata',
  'wikipedia',
  'discogs',
  'allmusic',
  'lyrics',
  'secondhandsongs',
  'VIAF',
  'IMDb',
  'songkick',
  'setlistfm',
  'last.fm',
  'other databases',
  'image',
]);

/** The platform a link is on, from its host; null for any other host. */
export function platformOfUrl(url: string): ContactKind | null {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
  for (const [platform, kind] of HOST_KINDS) if (host === platform || host.endsWith(`.${platform}`)) return kind;
  return null;
}

/** The contact a MusicBrainz URL relation is, or null when it is a reference page or not a web address. */
export function contactFromRelation(type: string, url: string): LeadContactFound | null {
  if (url.toLowerCase().startsWith('mailto:')) {
    const address = url.slice('mailto:'.length).split('?')[0]!.trim();
    return address.includes('@') ? { kind: 'email', value: address, source: 'musicbrainz' } : null;
  }
  if (!/^https?:\/\//i.test(url) || REFERENCE_TYPES.has(type)) return null;
  const platform = platformOfUrl(url);
  if (platform) return { kind: platform, value: url, source: 'musicbrainz' };
  if (WEBSITE_TYPES.has(type)) return { kind: 'website', value: url, source: 'musicbrainz' };
  return type === 'social network' || type === 'bandcamp' || type === 'soundcloud' ? { kind: 'other', value: url, source: 'musicbrainz' } : null;
}

/** The contacts, each (kind, value) once, the first source kept. */
export function uniqueContacts(contacts: readonly LeadContactFound[]): LeadContactFound[] {
  const seen = new Set<string>();
  return contacts.filter((contact) => {
    const key = `${contact.kind} ${contact.value}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The platforms among the contacts (for the opportunity score's "missing platforms"). */
export function platformsOf(contacts: readonly LeadContactFound[]): string[] {
  const platforms = contacts.map((contact) => contact.kind).filter((kind) => kind !== 'website' && kind !== 'email' && kind !== 'other');
  return [...new Set(platforms)];
}
