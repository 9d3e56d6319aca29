import { describe, expect, it } from 'vitest';
import { LastfmFormatError, readArtistInfo, readLastfmError } from '../../../../src/features/leads/sources/lastfm.format.js';

/** artist.getInfo as https://www.last.fm/api/show/artist.getInfo documents it, in format=json. */
const CHER = {
  artist: {
    name: 'Cher',
    mbid: 'bfcc6d75-a6a5-4bc6-8282-47aec8531818',
    url: 'https://www.last.fm/music/Cher',
    image: [{ '#text': 'https://lastfm.freetls.fastly.net/i/u/34s/x.png', size: 'small' }],
    streamable: '0',
    ontour: '0',
    stats: { listeners: '1389251', playcount: '24513012' },
    similar: {
      artist: [
        { name: 'Madonna', url: 'https://www.last.fm/music/Madonna', image: [] },
        { name: 'Kylie Minogue', url: 'https://www.last.fm/music/Kylie+Minogue', image: [] },
      ],
    },
    tags: {
      tag: [
        { name: 'pop', url: 'https://www.last.fm/tag/pop' },
        { name: 'dance', url: 'https://www.last.fm/tag/dance' },
      ],
    },
    bio: {
      links: { link: { '#text': '', rel: 'original', href: 'https://last.fm/music/Cher/+wiki' } },
      published: '01 Jan 2006, 00:00',
      summary: '...',
      content: '...',
    },
  },
};

const withArtist = (changes: Record<string, unknown>) => ({ artist: { ...CHER.artist, ...changes } });

describe('Last.fm artist.getInfo format', () => {
  it('reads name, mbid, url, counts written as strings, tags and similar artists', () => {
    expect(readArtistInfo(CHER)).toEqual({
      name: 'Cher',
      mbid: 'bfcc6d75-a6a5-4bc6-8282-47aec8531818',
      url: 'https://www.last.fm/music/Cher',
      listeners: 1_389_251,
      playcount: 24_513_012,
      tags: ['pop', 'dance'],
      similar: ['Madonna', 'Kylie Minogue'],
    });
  });

  it('reads a list of one sent as the object itself, and empty lists however written', () => {
    const one = readArtistInfo(
      withArtist({ tags: { tag: { name: 'pop', url: 'https://www.last.fm/tag/pop' } }, similar: { artist: { name: 'Madonna', url: '' } } }),
    );
    expect(one).toMatchObject({ tags: ['pop'], similar: ['Madonna'] });
    const none = readArtistInfo(withArtist({ tags: '', similar: { artist: [] }, mbid: '' }));
    expect(none).toMatchObject({ tags: [], mbid: null });
    expect(none).not.toHaveProperty('similar');
    expect(readArtistInfo(withArtist({ tags: { tag: [] }, similar: undefined, mbid: undefined }))).toMatchObject({ tags: [], mbid: null });
    expect(readArtistInfo(withArtist({ stats: { listeners: 12, playcount: '0' } }))).toMatchObject({ listeners: 12, playcount: 0 });
  });

  it.each([
    ['an error body', { error: 6, message: 'The artist you supplied could not be found', links: [] }, /artist is not an object/],
    ['no stats', withArtist({ stats: undefined }), /artist\.stats is not an object/],
    ['a count that is not one', withArtist({ stats: { listeners: '1.2k', playcount: '5' } }), /artist\.stats\.listeners is not a count \("1\.2k"\)/],
    ['a negative count', withArtist({ stats: { listeners: -1, playcount: '5' } }), /listeners is not a count/],
    ['a name that is not a string', withArtist({ name: ['Cher'] }), /artist\.name is not a string/],
    ['a tag without name', withArtist({ tags: { tag: [{ url: 'x' }] } }), /artist\.tags\.tag\[0\]\.name is missing/],
    ['a list', [CHER], /body is not an object/],
  ])('throws LastfmFormatError for %s', (_, body, message) => {
    expect(() => readArtistInfo(body)).toThrow(LastfmFormatError);
    expect(() => readArtistInfo(body)).toThrow(message);
  });

  it('reads Last.fm error bodies and nothing else', () => {
    expect(readLastfmError({ error: 6, message: 'The artist you supplied could not be found', links: [] })).toEqual({
      code: 6,
      message: 'The artist you supplied could not be found',
    });
    expect(readLastfmError({ error: '29', message: 'Rate Limit Exceded' })).toEqual({ code: 29, message: 'Rate Limit Exceded' });
    expect(readLastfmError({ error: 10 })).toEqual({ code: 10, message: '' });
    expect(readLastfmError(CHER)).toBeNull();
    expect(readLastfmError({ error: 'Not Found' })).toBeNull();
    expect(readLastfmError(null)).toBeNull();
  });
});
