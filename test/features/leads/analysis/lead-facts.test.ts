import { describe, expect, it } from 'vitest';
import { chooseRelease, countryOf, draftLead, labelsOf, type SourceFindings } from '../../../../src/features/leads/analysis/lead-facts.js';
import type { MbArtist, MbLabel, MbRelease, MbReleaseSummary } from '../../../../src/features/leads/sources/musicbrainz.format.js';

const summary = (id: string, date: string | null, status: string | null = 'Official'): MbReleaseSummary => ({
  id,
  title: id,
  status,
  date,
  country: null,
  disambiguation: null,
});
const labelRef = (id: string, name: string) => ({ id, name, sortName: null, type: null, labelCode: null, disambiguation: null });
const label = (id: string, name: string, parents: MbLabel['parents'] = []): MbLabel => ({
  ...labelRef(id, name),
  country: null,
  area: null,
  lifeSpan: { begin: null, end: null, ended: false },
  urls: [],
  relations: [],
  parents,
});
const release = (labels: MbRelease['labels']): MbRelease => ({
  id: 'r',
  title: 'R',
  status: 'Official',
  date: '2024-05-17',
  country: 'NZ',
  barcode: null,
  disambiguation: null,
  labels,
  releaseGroup: null,
  media: [],
  artistCredit: [],
});
const artist = (overrides: Partial<MbArtist> = {}): MbArtist => ({
  id: 'a',
  name: 'Tui Harbour',
  sortName: null,
  type: 'Person',
  gender: null,
  country: null,
  area: { id: null, name: 'New Zealand', type: 'Country', countryCodes: ['NZ'], subdivisionCodes: [] },
  beginArea: null,
  lifeSpan: { begin: null, end: null, ended: false },
  disambiguation: null,
  urls: [],
  tags: [],
  genres: [],
  ...overrides,
});

describe('lead facts from the sources', () => {
  it('reads the latest official dated release, else the latest dated, else the first', () => {
    expect(chooseRelease([summary('old', '2019'), summary('new', '2024-05'), summary('bootleg', '2025', 'Bootleg')])?.id).toBe('new');
    expect(chooseRelease([summary('a', '2019', null), summary('b', '2021', null)])?.id).toBe('b');
    expect(chooseRelease([summary('x', null), summary('y', null)])?.id).toBe('x');
    expect(chooseRelease([])).toBeNull();
  });

  it('names the release labels and their owners, and takes a distributor from a "distributed by" parent', () => {
    const imprint = label('1', 'Brightline', [{ kind: 'imprint_of', type: 'imprint', label: labelRef('2', 'Summit Avenue Music'), ended: false }]);
    const parent = label('2', 'Summit Avenue Music', [
      { kind: 'owner', type: 'label ownership', label: labelRef('3', 'Universal Music Group'), ended: false },
      { kind: 'distributor', type: 'label distribution', label: labelRef('4', 'Old Distro'), ended: true },
    ]);
    const noLabel = { catalogNumber: null, label: null, noLabel: true };
    expect(labelsOf(release([{ catalogNumber: null, label: labelRef('1', 'Brightline'), noLabel: false }]), [imprint, parent])).toEqual({
      names: ['Brightline', 'Summit Avenue Music', 'Universal Music Group'],
      distributor: null,
    });
    expect(labelsOf(release([noLabel]), [])).toEqual({ names: ['[no label]'], distributor: null });
  });

  it("takes the artist's country, else its area's code", () => {
    expect(countryOf(artist({ country: 'AU' }))).toBe('AU');
    expect(countryOf(artist())).toBe('NZ');
    expect(countryOf(null)).toBeNull();
  });

  it('uses Spotify’s album label only when MusicBrainz names none, and growth figures from the previous snapshot', () => {
    const findings: SourceFindings = {
      isrc: 'NZTH12400031',
      recording: null,
      artist: artist({
        urls: [
          { type: 'social network', url: 'https://www.instagram.com/tui/', ended: false },
          { type: 'bandcamp', url: 'https://old.bandcamp.com/', ended: true },
        ],
      }),
      release: null,
      labels: [],
      spotify: {
        trackId: 't',
        popularity: 30,
        albumLabel: 'Tui Harbour',
        releaseDate: '2024-05-17',
        artist: { id: 's', name: 'Tui Harbour', followers: 1200, popularity: 40, genres: ['nz folk'], url: 'https://open.spotify.com/artist/s' },
      },
      lastfm: null,
      youtube: { hasChannel: false },
    };
    const draft = draftLead(findings, { spotifyFollowers: 1000, spotifyPopularity: 35, lastfmListeners: null, youtubeSubscribers: null, youtubeViews: null });
    expect(draft.labelNames).toEqual(['Tui Harbour']);
    expect(draft.facts).toMatchObject({
      spotifyFollowers: 1200,
      spotifyFollowersPrevious: 1000,
      latestReleaseDate: '2024-05-17',
      platforms: ['instagram', 'spotify'],
      youtube: { hasChannel: false },
      hasPublisher: null,
    });
    expect(draft.contacts.map((contact) => contact.value)).toEqual(['https://www.instagram.com/tui/', 'https://open.spotify.com/artist/s']);
  });

  it('knows no platforms when no source found the artist', () => {
    const draft = draftLead({ isrc: 'X', recording: null, artist: null, release: null, labels: [], spotify: null, lastfm: null, youtube: null }, null);
    expect(draft.facts.platforms).toBeNull();
    expect(draft.artistName).toBeNull();
  });
});
