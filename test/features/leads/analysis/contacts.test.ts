import { describe, expect, it } from 'vitest';
import { contactFromRelation, platformOfUrl, platformsOf, uniqueContacts } from '../../../../src/features/leads/analysis/contacts.js';

describe('contacts from published links', () => {
  it('names the platform of a link by its host, subdomains included', () => {
    expect(platformOfUrl('https://www.instagram.com/tuiharbour/')).toBe('instagram');
    expect(platformOfUrl('https://tuiharbour.bandcamp.com/')).toBe('bandcamp');
    expect(platformOfUrl('https://music.apple.com/nz/artist/1')).toBe('apple_music');
    expect(platformOfUrl('https://x.com/someone')).toBe('twitter');
    expect(platformOfUrl('https://notinstagram.com/x')).toBeNull();
    expect(platformOfUrl('not a url')).toBeNull();
  });

  it('reads MusicBrainz relations: platforms by host, the homepage as website, mailto as email', () => {
    expect(contactFromRelation('social network', 'https://www.tiktok.com/@marlowe')).toEqual({
      kind: 'tiktok',
      value: 'https://www.tiktok.com/@marlowe',
      source: 'musicbrainz',
    });
    expect(contactFromRelation('official homepage', 'https://tuiharbour.example/')).toEqual({
      kind: 'website',
      value: 'https://tuiharbour.example/',
      source: 'musicbrainz',
    });
    expect(contactFromRelation('social network', 'https://mastodon.example/@tui')).toMatchObject({ kind: 'other' });
    expect(contactFromRelation('official homepage', 'mailto:booking@tuiharbour.example?subject=Hi')).toEqual({
      kind: 'email',
      value: 'booking@tuiharbour.example',
      source: 'musicbrainz',
    });
  });

  it('leaves out reference pages about the artist and non-web addresses', () => {
    expect(contactFromRelation('wikidata', 'https://www.wikidata.org/wiki/Q1')).toBeNull();
    expect(contactFromRelation('discogs', 'https://www.discogs.com/artist/1')).toBeNull();
    expect(contactFromRelation('purchase for mail-order', 'https://shop.example/')).toBeNull();
    expect(contactFromRelation('official homepage', 'ftp://files.example/')).toBeNull();
  });

  it('keeps each contact once, and the platforms among them', () => {
    const contacts = uniqueContacts([
      { kind: 'spotify', value: 'https://open.spotify.com/artist/1', source: 'musicbrainz' },
      { kind: 'spotify', value: 'https://open.spotify.com/artist/1', source: 'spotify' },
      { kind: 'website', value: 'https://a.example/', source: 'musicbrainz' },
      { kind: 'email', value: 'a@a.example', source: 'musicbrainz' },
    ]);
    expect(contacts.map((contact) => contact.source)).toEqual(['musicbrainz', 'musicbrainz', 'musicbrainz']);
    expect(platformsOf(contacts)).toEqual(['spotify']);
  });
});
