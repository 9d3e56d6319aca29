import { describe, expect, it } from 'vitest';
import {
  creditedName,
  MusicBrainzFormatError,
  readArtist,
  readIsrcLookup,
  readLabel,
  readRelease,
} from '../../../../src/features/leads/sources/musicbrainz.format.js';

const ID = 'c0ffee00-1234-4abc-8def-0123456789ab';
const OTHER = 'c0ffee00-1234-4abc-8def-0123456789ac';

describe('MusicBrainz ws/2 JSON readers', () => {
  it('read an artist that has nothing but an id and a name', () => {
    expect(readArtist({ id: ID, name: 'Minimal' })).toEqual({
      id: ID,
      name: 'Minimal',
      sortName: null,
      type: null,
      disambiguation: null,
      gender: null,
      country: null,
      area: null,
      beginArea: null,
      lifeSpan: { begin: null, end: null, ended: false },
      urls: [],
      tags: [],
      genres: [],
    });
  });

  it("take MusicBrainz's empty strings and nulls as absent, and upper-case MBIDs as MBIDs", () => {
    const artist = readArtist({
      id: ID.toUpperCase(),
      name: 'X',
      disambiguation: '',
      country: null,
      area: null,
      'life-span': { begin: null, end: null, ended: null },
      relations: null,
    });
    expect(artist).toMatchObject({ id: ID, disambiguation: null, country: null, area: null, urls: [] });
  });

  it('skip relations that are not URLs where URLs are read, and URLs without a resource', () => {
    const artist = readArtist({
      id: ID,
      name: 'X',
      relations: [
        { type: 'member of band', direction: 'forward', 'target-type': 'artist', artist: { id: OTHER, name: 'Band' } },
        { type: 'youtube', direction: 'forward', url: { id: OTHER, resource: 'https://www.youtube.com/@x' } },
        { type: 'bandcamp', direction: 'forward', url: { id: OTHER } },
      ],
    });
    expect(artist.urls).toEqual([{ type: 'youtube', url: 'https://www.youtube.com/@x', ended: false }]);
  });

  it.each([
    ['a number for an id', { id: 7, name: 'X' }, 'artist.id is not a string'],
    ['an id that is not an MBID', { id: 'abc', name: 'X' }, 'artist.id "abc" is not an MBID'],
    ['no name', { id: ID }, 'artist.name is missing'],
    ['relations that are not a list', { id: ID, name: 'X', relations: {} }, 'artist.relations is not an array'],
    ['a tag without a name', { id: ID, name: 'X', tags: [{ count: 1 }] }, 'artist.tags[0].name is missing'],
    ['an area code list of numbers', { id: ID, name: 'X', area: { name: 'NZ', 'iso-3166-1-codes': [554] } }, 'artist.area.iso-3166-1-codes[0] is not a string'],
  ])('reject an artist with %s', (_, body, message) => {
    expect(() => readArtist(body)).toThrow(new MusicBrainzFormatError(message));
  });

  it('read an ISRC lookup without the inc= parts, and reject one without recordings', () => {
    expect(readIsrcLookup({ isrc: 'NZTH12400031', recordings: [{ id: ID, title: 'Song', length: null }] }, 'NZTH12400031')).toEqual({
      isrc: 'NZTH12400031',
      recordings: [
        { id: ID, title: 'Song', lengthMs: null, disambiguation: null, firstReleaseDate: null, artistCredit: [], artistName: '', releases: [], workIds: null },
      ],
    });
    expect(() => readIsrcLookup({ isrc: 'NZTH12400031' }, 'NZTH12400031')).toThrow('isrc.recordings is missing or not an array');
    expect(() => readIsrcLookup({ recordings: [{ id: ID, title: 'Song', length: '3:20' }] }, 'X')).toThrow('isrc.recordings[0].length is not a number');
  });

  it('join an artist credit as printed, credited names first', () => {
    const lookup = readIsrcLookup(
      {
        recordings: [
          {
            id: ID,
            title: 'Duet',
            'artist-credit': [
              { name: 'A.', joinphrase: ' & ', artist: { id: ID, name: 'Anna' } },
              { joinphrase: '', artist: { id: OTHER, name: 'Ben' } },
            ],
          },
        ],
      },
      'X',
    );
    expect(creditedName(lookup.recordings[0]!.artistCredit)).toBe('A. & Ben');
  });

  it('read label-info with only a catalog number, and a label code sent as a string', () => {
    const release = readRelease({
      id: ID,
      title: 'R',
      'label-info': [
        { 'catalog-number': 'CAT-1', label: null },
        { 'catalog-number': null, label: { id: OTHER, name: 'L', 'label-code': '1234' } },
      ],
    });
    expect(release.labels).toEqual([
      { catalogNumber: 'CAT-1', label: null, noLabel: false },
      { catalogNumber: null, label: { id: OTHER, name: 'L', sortName: null, type: null, labelCode: 1234, disambiguation: null }, noLabel: false },
    ]);
    expect(release.releaseGroup).toBeNull();
    expect(release.media).toEqual([]);
  });

  it("take only backward ownership, imprint and distribution relations as a label's parents", () => {
    const label = readLabel({
      id: ID,
      name: 'Child',
      relations: [
        { type: 'label ownership', direction: 'backward', label: { id: OTHER, name: 'Owner' }, ended: true, end: '2020' },
        { type: 'label ownership', direction: 'forward', label: { id: OTHER, name: 'Subsidiary' } },
        { type: 'label rename', direction: 'backward', label: { id: OTHER, name: 'Old name' } },
        { type: 'constructor', direction: 'backward', label: { id: OTHER, name: 'Prototype' } },
        { type: 'official homepage', direction: 'forward', url: { resource: 'https://child.example/' } },
      ],
    });
    expect(label.parents).toEqual([{ kind: 'owner', type: 'label ownership', ended: true, label: expect.objectContaining({ name: 'Owner' }) }]);
    expect(label.relations).toHaveLength(4);
    expect(label.urls).toEqual([{ type: 'official homepage', url: 'https://child.example/', ended: false }]);
  });
});
