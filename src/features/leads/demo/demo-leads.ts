/**
 * The demo A&R pipeline: invented artists and recordings, described as the sources would answer
 * (MusicBrainz area, links and labels; Spotify, Last.fm and YouTube figures), so a new install's
 * Leads pages show scored leads of every tier without reaching any service. Names, ISRCs
 * (registrant "DMO") and figures are made up, and every contact is on a reserved domain
 * (example.com, .invalid: RFC 2606), so nobody writes to a real stranger by mistake.
 */
import { platformsOf, type ContactKind, type LeadContactFound } from '../analysis/contacts.js';
import { draftLead, type LeadDraft, type PreviousSnapshot, type SourceFindings } from '../analysis/lead-facts.js';
import type { MbArtist, MbLabel, MbRecording, MbRelease } from '../sources/musicbrainz.format.js';

/** The demo artist's own site. */
const site = (name: string) => `https://${name}.example.com/`;
/** The demo artist's page on a platform, under a stand-in subdomain of example.com. */
const on = (platform: string, path: string) => `https://${platform}.example.com/${path}`;

/** The MusicBrainz URL relation type a link of this kind comes as. */
const RELATION_TYPES: Partial<Record<ContactKind, string>> = {
  website: 'official homepage',
  bandcamp: 'bandcamp',
  soundcloud: 'soundcloud',
  spotify: 'free streaming',
  apple_music: 'streaming',
};

export interface DemoLead {
  isrc: string;
  title: string;
  artist: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  area: string;
  /** The release's label ("[no label]": self-released), and the label owning it, if any. */
  label: string;
  owner?: string;
  distributor?: string;
  releaseDate: string;
  /** What each link is (Encore reads that from real platforms' hosts, which demo links do not use) and where it points. */
  links: Array<[kind: ContactKind, url: string]>;
  genres: string[];
  spotify?: { followers: number; previous: number; popularity: number };
  lastfmListeners?: number;
  /** Null: YouTube searched, no channel. */
  youtube?: { subscribers: number; views: number; videos: number; uploads90d: number; lastUploadDaysAgo: number } | null;
}

export const DEMO_LEADS: readonly DemoLead[] = [
  {
    isrc: 'NZDMO2500001',
    title: 'Low Cloud Over Raglan',
    artist: 'Aroha Vale',
    country: 'NZ',
    area: 'New Zealand',
    label: '[no label]',
    releaseDate: '2026-08-14',
    links: [
      ['website', site('arohavale')],
      ['bandcamp', on('bandcamp', 'arohavale')],
      ['instagram', on('instagram', 'arohavale')],
    ],
    genres: ['indie folk'],
    spotify: { followers: 18_400, previous: 14_100, popularity: 44 },
    lastfmListeners: 9_200,
    youtube: null,
  },
  {
    isrc: 'NZDMO2500002',
    title: 'Tidewater',
    artist: 'The Rimu Sessions',
    country: 'NZ',
    area: 'New Zealand',
    label: 'DistroKid',
    releaseDate: '2026-05-02',
    links: [
      ['instagram', on('instagram', 'rimusessions')],
      ['spotify', on('spotify', 'artist/rimusessions')],
    ],
    genres: ['indie rock'],
    spotify: { followers: 6_300, previous: 5_900, popularity: 31 },
    lastfmListeners: 2_100,
    youtube: { subscribers: 240, views: 31_000, videos: 14, uploads90d: 0, lastUploadDaysAgo: 210 },
  },
  {
    isrc: 'WSDMO2500003',
    title: 'Salamō',
    artist: 'Lani Tuilagi',
    country: 'WS',
    area: 'Samoa',
    label: '[no label]',
    releaseDate: '2026-09-30',
    links: [['tiktok', on('tiktok', '@lanituilagi')]],
    genres: ['pacific reggae'],
    spotify: { followers: 2_900, previous: 1_700, popularity: 29 },
    youtube: null,
  },
  {
    isrc: 'AUDMO2500004',
    title: 'Red Dirt Radio',
    artist: 'Mallee Static',
    country: 'AU',
    area: 'Australia',
    label: 'Corrugated Records',
    distributor: 'Southern Cross Distribution',
    releaseDate: '2025-11-21',
    links: [
      ['website', site('malleestatic')],
      ['facebook', on('facebook', 'malleestatic')],
    ],
    genres: ['surf rock'],
    spotify: { followers: 41_000, previous: 40_200, popularity: 47 },
    lastfmListeners: 15_500,
    youtube: { subscribers: 2_100, views: 410_000, videos: 62, uploads90d: 1, lastUploadDaysAgo: 40 },
  },
  {
    isrc: 'AUDMO2500005',
    title: 'Saltpan',
    artist: 'Jindalee Moss',
    country: 'AU',
    area: 'Australia',
    label: 'Jindalee Moss Music',
    releaseDate: '2026-03-18',
    links: [
      ['website', site('jindaleemoss')],
      ['instagram', on('instagram', 'jindaleemoss')],
      ['apple_music', on('music', 'artist/jindalee-moss')],
    ],
    genres: ['alt country'],
    spotify: { followers: 9_800, previous: 9_900, popularity: 35 },
    lastfmListeners: 4_000,
    youtube: { subscribers: 5_400, views: 890_000, videos: 38, uploads90d: 4, lastUploadDaysAgo: 9 },
  },
  {
    isrc: 'GBDMO2500006',
    title: 'Northern Line',
    artist: 'Hollis Reed',
    country: 'GB',
    area: 'United Kingdom',
    label: 'Parlophone',
    owner: 'Warner Music Group',
    releaseDate: '2026-06-06',
    links: [
      ['website', site('hollisreed')],
      ['instagram', on('instagram', 'hollisreed')],
      ['tiktok', on('tiktok', '@hollisreed')],
      ['apple_music', on('music', 'artist/hollis-reed')],
      ['spotify', on('spotify', 'artist/hollisreed')],
    ],
    genres: ['pop'],
    spotify: { followers: 880_000, previous: 850_000, popularity: 71 },
    lastfmListeners: 310_000,
    youtube: { subscribers: 640_000, views: 210_000_000, videos: 120, uploads90d: 9, lastUploadDaysAgo: 3 },
  },
  {
    isrc: 'USDMO2500007',
    title: 'Desert Motel',
    artist: 'Calder Vance',
    country: 'US',
    area: 'United States',
    label: 'Calder Vance',
    releaseDate: '2024-02-09',
    links: [
      ['bandcamp', on('bandcamp', 'caldervance')],
      ['email', 'mailto:booking@caldervance.invalid'],
    ],
    genres: ['americana'],
    spotify: { followers: 1_200, previous: 1_250, popularity: 18 },
    youtube: null,
  },
  {
    isrc: 'FJDMO2500008',
    title: 'Vula Lagi',
    artist: 'Koro Sun',
    country: 'FJ',
    area: 'Fiji',
    label: 'Bula Beats',
    distributor: 'CD Baby',
    releaseDate: '2026-07-19',
    links: [
      ['facebook', on('facebook', 'korosun')],
      ['soundcloud', on('soundcloud', 'korosun')],
    ],
    genres: ['island pop'],
    spotify: { followers: 4_400, previous: 3_000, popularity: 33 },
    lastfmListeners: 800,
    youtube: { subscribers: 3_800, views: 260_000, videos: 22, uploads90d: 5, lastUploadDaysAgo: 6 },
  },
  {
    isrc: 'SEDMO2400009',
    title: 'Vinterljus',
    artist: 'Stellan Berg',
    country: 'SE',
    area: 'Sweden',
    label: 'Nordic Pine Records',
    releaseDate: '2024-10-04',
    links: [
      ['website', site('stellanberg')],
      ['instagram', on('instagram', 'stellanberg')],
      ['tiktok', on('tiktok', '@stellanberg')],
      ['apple_music', on('music', 'artist/stellan-berg')],
      ['spotify', on('spotify', 'artist/stellanberg')],
    ],
    genres: ['nordic folk'],
    spotify: { followers: 52_000, previous: 53_500, popularity: 49 },
    lastfmListeners: 21_000,
    youtube: { subscribers: 14_000, views: 2_600_000, videos: 70, uploads90d: 5, lastUploadDaysAgo: 12 },
  },
];

const DAY_MS = 86_400_000;
const demoChannelId = (index: number) => `UCdemo${String(index + 1).padStart(18, '0')}`;
/** A stable made-up MBID per demo lead and kind, e.g. 00000000-0000-4000-8dd0-000000000001. */
const demoId = (kind: number, index: number) => `00000000-0000-4000-8dd${kind}-${String(index + 1).padStart(12, '0')}`;

const labelRef = (id: string, name: string) => ({ id, name, sortName: null, type: null, labelCode: null, disambiguation: null });

/** One demo lead as the sources would have answered, `now` being the day of the import. */
export function demoFindings(demo: DemoLead, index: number, now: Date): { findings: SourceFindings; previous: PreviousSnapshot } {
  const artistRef = { id: demoId(1, index), name: demo.artist, sortName: null, type: 'Person', disambiguation: null };
  const artist: MbArtist = {
    ...artistRef,
    gender: null,
    country: demo.country,
    area: { id: null, name: demo.area, type: 'Country', countryCodes: [demo.country], subdivisionCodes: [] },
    beginArea: null,
    lifeSpan: { begin: null, end: null, ended: false },
    urls: demo.links.map(([kind, url]) => ({ type: RELATION_TYPES[kind] ?? 'social network', url, ended: false })),
    tags: [],
    genres: demo.genres.map((name) => ({ name, count: 1 })),
  };
  const noLabel = demo.label === '[no label]';
  const release: MbRelease = {
    id: demoId(2, index),
    title: demo.title,
    status: 'Official',
    date: demo.releaseDate,
    country: demo.country,
    barcode: null,
    disambiguation: null,
    labels: [{ catalogNumber: null, label: noLabel ? null : labelRef(demoId(3, index), demo.label), noLabel }],
    releaseGroup: null,
    media: [],
    artistCredit: [{ name: demo.artist, joinPhrase: '', artist: artistRef }],
  };
  const parents: MbLabel['parents'] = [
    ...(demo.owner ? [{ kind: 'owner' as const, type: 'label ownership', label: labelRef(demoId(4, index), demo.owner), ended: false }] : []),
    ...(demo.distributor
      ? [{ kind: 'distributor' as const, type: 'label distribution', label: labelRef(demoId(5, index), demo.distributor), ended: false }]
      : []),
  ];
  const labels: MbLabel[] = noLabel
    ? []
    : [
        {
          ...labelRef(demoId(3, index), demo.label),
          country: demo.country,
          area: null,
          lifeSpan: { begin: null, end: null, ended: false },
          urls: [],
          relations: [],
          parents,
        },
      ];
  const recording: MbRecording = {
    id: demoId(6, index),
    title: demo.title,
    lengthMs: 200_000 + index * 7_000,
    disambiguation: null,
    firstReleaseDate: demo.releaseDate,
    artistCredit: release.artistCredit,
    artistName: demo.artist,
    releases: [{ id: release.id, title: demo.title, status: 'Official', date: demo.releaseDate, country: demo.country, disambiguation: null }],
    workIds: null, // invented leads have no works: publishing stays unknown
  };
  const { spotify, youtube } = demo;
  const findings: SourceFindings = {
    isrc: demo.isrc,
    recording,
    artist,
    release,
    labels,
    spotify: spotify
      ? {
          trackId: `demo${index + 1}`,
          popularity: spotify.popularity,
          albumLabel: null,
          releaseDate: demo.releaseDate,
          artist: {
            id: `demoartist${index + 1}`,
            name: demo.artist,
            followers: spotify.followers,
            popularity: spotify.popularity,
            genres: demo.genres,
            url: null,
          },
        }
      : null,
    lastfm: demo.lastfmListeners === undefined ? null : { listeners: demo.lastfmListeners, playcount: demo.lastfmListeners * 14, tags: demo.genres, url: null },
    youtube:
      youtube === undefined
        ? null
        : youtube === null
          ? { hasChannel: false }
          : {
              hasChannel: true,
              channelId: demoChannelId(index),
              title: demo.artist,
              subscribers: youtube.subscribers,
              views: youtube.views,
              videoCount: youtube.videos,
              recentUploads90d: youtube.uploads90d,
              lastUploadAt: new Date(now.getTime() - youtube.lastUploadDaysAgo * DAY_MS).toISOString(),
              channelCreatedAt: '2019-04-01T00:00:00Z',
            },
  };
  const previous: PreviousSnapshot = {
    spotifyFollowers: spotify?.previous ?? null,
    spotifyPopularity: null,
    lastfmListeners: null,
    youtubeSubscribers: null,
    youtubeViews: null,
  };
  return { findings, previous };
}

/**
 * The demo lead as the analysis would draft it, with its contacts as the demo declares them: the
 * analysis tells platforms apart by their real hosts, and demo links only ever use stand-ins.
 */
export function demoDraft(demo: DemoLead, index: number, now: Date): { findings: SourceFindings; draft: LeadDraft } {
  const { findings, previous } = demoFindings(demo, index, now);
  const draft = draftLead(findings, previous);
  const contacts: LeadContactFound[] = demo.links.map(([kind, url]) =>
    kind === 'email' ? { kind, value: url.slice('mailto:'.length), source: 'musicbrainz' } : { kind, value: url, source: 'musicbrainz' },
  );
  if (demo.youtube) contacts.push({ kind: 'youtube', value: on('youtube', `channel/${demoChannelId(index)}`), source: 'youtube' });
  return { findings, draft: { ...draft, contacts, facts: { ...draft.facts, platforms: platformsOf(contacts) } } };
}
