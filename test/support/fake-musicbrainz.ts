import type { IncomingMessage } from 'node:http';
import { FakeHttpServer, type CommonFault, type LoggedArrival, type Reply } from './fake-http-server.js';

/** An error status, with MusicBrainz's error body for it unless `body` is given. */
type MbStatusFault = { status: number; body?: unknown; headers?: Record<string, string> };

/** What the fake answers to the next matching request instead of its normal reply: an error status, or one of the CommonFaults. */
export type MbFault = MbStatusFault | CommonFault;

export interface LoggedRequest extends LoggedArrival {
  method: string;
  /** The path under /ws/2/, e.g. `isrc/NZTH12400031`. */
  path: string;
  query: Record<string, string>;
  inc: string[];
  userAgent: string | undefined;
}

export interface AreaFixture {
  id?: string;
  name: string;
  type?: 'Country' | 'Subdivision' | 'City' | 'Municipality' | 'Island';
  /** ISO 3166-1 codes (countries). */
  countryCodes?: string[];
  /** ISO 3166-2 codes (subdivisions). */
  subdivisionCodes?: string[];
}

export interface ArtistFixture {
  id: string;
  name: string;
  sortName?: string;
  type?: 'Person' | 'Group' | 'Orchestra' | 'Choir' | 'Character' | 'Other';
  gender?: 'Male' | 'Female' | 'Non-binary' | 'Other';
  /** The ISO code MusicBrainz derives from the area; taken from `area` when omitted. */
  country?: string;
  area?: AreaFixture;
  beginArea?: AreaFixture;
  begin?: string;
  end?: string;
  disambiguation?: string;
  /** URL relations: official homepage, social network, bandcamp, youtube, streaming, free streaming, soundcloud, ... */
  urls?: Array<{ type: string; url: string; ended?: boolean }>;
  tags?: Array<{ name: string; count?: number }>;
  genres?: Array<{ name: string; count?: number }>;
}

export interface LabelFixture {
  id: string;
  name: string;
  sortName?: string;
  type?:
    | 'Original Production'
    | 'Imprint'
    | 'Distributor'
    | 'Holding'
    | 'Reissue Production'
    | 'Bootleg Production'
    | 'Production'
    | 'Publisher'
    | 'Rights Society'
    | null;
  labelCode?: number;
  country?: string;
  area?: AreaFixture;
  begin?: string;
  disambiguation?: string;
  urls?: Array<{ type: string; url: string }>;
  /** Labels above this one; the fake shows each relation on both labels, in MusicBrainz's directions. */
  parents?: Array<{ type: 'label ownership' | 'imprint' | 'label distribution'; labelId: string; begin?: string; end?: string }>;
}

export interface ReleaseFixture {
  id: string;
  title: string;
  status?: 'Official' | 'Promotion' | 'Bootleg' | 'Pseudo-Release';
  date?: string;
  country?: string;
  barcode?: string;
  /** label-info: a label (by id; MB_NO_LABEL for "[no label]") and/or a catalog number. */
  labels?: Array<{ labelId?: string; catalogNumber?: string }>;
  artistIds: string[];
  groupId?: string;
  primaryType?: 'Album' | 'Single' | 'EP' | 'Broadcast' | 'Other';
  secondaryTypes?: string[];
  /** Its tracks, in order (the recordings must be added too). */
  recordingIds?: string[];
  format?: string;
}

export interface RecordingFixture {
  id: string;
  title: string;
  isrcs: string[];
  lengthMs?: number;
  /** The artist credit, in order; `as` is the credited name, `join` what follows it (" feat. "). */
  credits: Array<{ artistId: string; as?: string; join?: string }>;
  releaseIds?: string[];
  firstReleaseDate?: string;
  /** The works it performs (`performance` relations; the works must be added too). */
  workIds?: string[];
  /** Labels holding its ℗ (`phonographic copyright` relations). */
  phonographicCopyrightLabelIds?: string[];
}

/** A work (a song as written): its writers and publishers, as work–artist and work–label relations. */
export interface WorkFixture {
  id: string;
  title: string;
  /** Artists credited as composer (the first) and lyricist (the others). */
  writerIds?: string[];
  /** `publishing` relations: to a label (the usual case) or to an artist (self-publishing). */
  publishers?: Array<{ labelId?: string; artistId?: string; end?: string }>;
}

/** MusicBrainz's special "[no label]" label, used for self-released releases. */
export const MB_NO_LABEL = '157afde4-4bf5-4039-8ad2-5a15acc85176';

const NOT_FOUND_BODY = { error: 'Not Found', help: 'For usage, please see: https://musicbrainz.org/development/mmd' };
const RATE_LIMIT_MESSAGE =
  'Your requests are exceeding the allowable rate limit. Please see https://musicbrainz.org/doc/MusicBrainz_API/Rate_Limiting for more information.';

/** The inc values each lookup accepts (MusicBrainz answers 400 to others). */
const INCS: Record<string, Set<string>> = {
  isrc: new Set(['artists', 'artist-credits', 'releases', 'isrcs', 'tags', 'genres', 'aliases', 'url-rels', 'artist-rels', 'work-rels']),
  recording: new Set([
    'artists',
    'artist-credits',
    'releases',
    'release-groups',
    'isrcs',
    'tags',
    'genres',
    'aliases',
    'annotation',
    'url-rels',
    'artist-rels',
    'label-rels',
    'work-rels',
    'work-level-rels',
  ]),
  artist: new Set([
    'recordings',
    'releases',
    'release-groups',
    'works',
    'aliases',
    'tags',
    'genres',
    'ratings',
    'url-rels',
    'artist-rels',
    'label-rels',
    'annotation',
  ]),
  release: new Set([
    'artists',
    'artist-credits',
    'labels',
    'recordings',
    'release-groups',
    'media',
    'discids',
    'isrcs',
    'aliases',
    'tags',
    'genres',
    'url-rels',
    'artist-rels',
    'label-rels',
    'annotation',
  ]),
  label: new Set(['releases', 'aliases', 'tags', 'genres', 'ratings', 'url-rels', 'label-rels', 'artist-rels', 'annotation']),
};

const MBID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISRC = /^[A-Z]{2}[A-Z0-9]{3}\d{7}$/;

/** MusicBrainz's relation type ids (https://musicbrainz.org/relationships), as it sends them in `type-id`. */
const RELATION_TYPE_IDS: Record<string, string> = {
  performance: 'a3005666-a872-32c3-ad06-98af558e99b0',
  'label-work publishing': '05ee6f18-4517-342d-afdf-5897f64276e3',
  'artist-work publishing': 'a442b140-830b-30b0-a4aa-2e36f098b6aa',
  composer: 'd59d99ea-23d4-4a80-b066-edca32ee158f',
  lyricist: '3e48faba-ec01-47fd-8e89-30e81161661c',
  'phonographic copyright': 'fd841726-ba3c-47f7-af8e-6734ab6243ff',
};

/**
 * MusicBrainz's web service, ws/2 JSON (isrc, recording, artist, release and label lookups with
 * their inc= relations, work-level relations, release groups browsed by artist, its error bodies), served by a real HTTP server on 127.0.0.1 from fixtures in
 * memory. Every request is logged with its arrival time, to measure the rate clients keep;
 * faults (503 with or without Retry-After, 429, slow answers, malformed bodies, hang-ups) can be
 * scripted per path. Its data is made up: plausible, in the documented format, not MusicBrainz's.
 */
export class FakeMusicBrainz extends FakeHttpServer<MbStatusFault, LoggedRequest> {
  readonly artists = new Map<string, ArtistFixture>();
  readonly labels = new Map<string, LabelFixture>();
  readonly releases = new Map<string, ReleaseFixture>();
  readonly recordings = new Map<string, RecordingFixture>();
  readonly works = new Map<string, WorkFixture>();
  protected override jsonContentType = 'application/json; charset=utf-8';
  private readonly periodic: Array<{ every: number; pathPrefix: string; fault: MbFault; seen: number }> = [];

  constructor() {
    super();
    this.addLabel({ id: MB_NO_LABEL, name: '[no label]', type: null, disambiguation: 'Special purpose label for releases without a label' });
  }

  /** The base URL clients are given (MUSICBRAINZ_BASE_URL). */
  get url(): string {
    return `${this.origin}/ws/2`;
  }

  /** Configuration for a client of this fake: its URL, a contact, a short interval, quick retries. */
  env(overrides: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
    return {
      MUSICBRAINZ_BASE_URL: this.url,
      MUSICBRAINZ_CONTACT: 'tests@encore.invalid',
      MUSICBRAINZ_MIN_INTERVAL_MS: '20',
      MUSICBRAINZ_TIMEOUT_MS: '2000',
      ...overrides,
    };
  }

  /** The next requests whose path (under /ws/2/) starts with `pathPrefix` get these faults, in order. */
  script(pathPrefix: string, ...faults: MbFault[]): void {
    this.addFaults(pathPrefix, faults);
  }

  /** Every `every`-th request under `pathPrefix` (the `every`-th, the 2×`every`-th, ...) gets `fault`, until clearFaults(). */
  faultEvery(every: number, fault: MbFault, pathPrefix = ''): void {
    this.periodic.push({ every, pathPrefix, fault, seen: 0 });
  }

  clearFaults(): void {
    this.clearScripts();
    this.periodic.length = 0;
  }

  /** Forgets every fault and the request log. */
  override reset(): void {
    super.reset();
    this.periodic.length = 0;
  }

  requestsTo(pathPrefix: string): LoggedRequest[] {
    return this.requests.filter((request) => request.path.startsWith(pathPrefix));
  }

  addArtist(artist: ArtistFixture): ArtistFixture {
    this.artists.set(artist.id, artist);
    return artist;
  }

  addLabel(label: LabelFixture): LabelFixture {
    this.labels.set(label.id, label);
    return label;
  }

  addRelease(release: ReleaseFixture): ReleaseFixture {
    this.releases.set(release.id, release);
    return release;
  }

  addRecording(recording: RecordingFixture): RecordingFixture {
    this.recordings.set(recording.id, recording);
    return recording;
  }

  addWork(work: WorkFixture): WorkFixture {
    this.works.set(work.id, work);
    return work;
  }

  /** The realistic fixtures below (REALISTIC), all of them. */
  addRealisticFixtures(): typeof REALISTIC {
    for (const label of REALISTIC.labels) this.addLabel(label);
    for (const artist of REALISTIC.artists) this.addArtist(artist);
    for (const release of REALISTIC.releases) this.addRelease(release);
    for (const work of REALISTIC.works) this.addWork(work);
    for (const recording of REALISTIC.recordings) this.addRecording(recording);
    return REALISTIC;
  }

  /**
   * `count` made-up recordings (and ISRCs) by `count / tracksPerArtist` artists, each artist with
   * one release of their tracks and one label, cycling through self-released, small distributor,
   * indie and major-owned labels and NZ, AU, WS and GB areas; for bulk tests. Returns the ISRCs
   * in order.
   */
  addSyntheticCatalog(count: number, prefix = 'ZZFK0', tracksPerArtist = 1): string[] {
    const areas: AreaFixture[] = [NEW_ZEALAND, AUSTRALIA, SAMOA, { id: synthId(9, 0), name: 'United Kingdom', type: 'Country', countryCodes: ['GB'] }];
    const major = this.addLabel({ id: synthId(8, 0), name: 'Universal Music Group', type: 'Holding', country: 'US' });
    const distributor = this.addLabel({ id: synthId(8, 1), name: 'DistroKid', type: 'Distributor', country: 'US' });
    const isrcs = Array.from({ length: count }, (_, n) => `${prefix}${String(24 + Math.floor(n / 100_000)).slice(-2)}${String(n % 100_000).padStart(5, '0')}`);
    for (let a = 0; a * tracksPerArtist < count; a++) {
      const tracks = Array.from({ length: Math.min(tracksPerArtist, count - a * tracksPerArtist) }, (_, t) => a * tracksPerArtist + t);
      const kind = a % 4;
      const artist = this.addArtist({
        id: synthId(1, a),
        name: `Synthetic Artist ${a + 1}`,
        type: a % 2 ? 'Group' : 'Person',
        area: areas[a % areas.length],
        urls:
          a % 3 === 0
            ? []
            : [
                { type: 'official homepage', url: `https://artist-${a + 1}.example/` },
                { type: 'bandcamp', url: `https://synthetic-artist-${a + 1}.bandcamp.com/` },
              ],
        genres: [{ name: ['indie pop', 'hip hop', 'folk', 'electronic'][a % 4]!, count: 1 }],
      });
      let labelId = MB_NO_LABEL;
      if (kind === 1) labelId = distributor.id;
      if (kind >= 2) {
        labelId = this.addLabel({
          id: synthId(2, a),
          name: `Synthetic Label ${a + 1}`,
          type: 'Original Production',
          parents: kind === 3 ? [{ type: 'label ownership', labelId: major.id }] : [],
        }).id;
      }
      this.addRelease({
        id: synthId(3, a),
        title: `Synthetic Release ${a + 1}`,
        date: `2024-${String((a % 12) + 1).padStart(2, '0')}-15`,
        country: artist.area?.countryCodes?.[0],
        labels: [{ labelId }],
        artistIds: [artist.id],
        primaryType: tracks.length > 1 ? 'EP' : 'Single',
        recordingIds: tracks.map((n) => synthId(4, n)),
      });
      for (const n of tracks) {
        this.addRecording({
          id: synthId(4, n),
          title: `Synthetic Song ${n + 1}`,
          isrcs: [isrcs[n]!],
          lengthMs: 180_000 + (n % 60) * 1000,
          credits: [{ artistId: artist.id }],
          releaseIds: [synthId(3, a)],
        });
      }
    }
    return isrcs;
  }

  protected pathOf(url: URL): string {
    return url.pathname.replace(/^\/ws\/2\/?/, '');
  }

  protected describe(request: IncomingMessage, url: URL, path: string): Omit<LoggedRequest, 'at' | 'status'> {
    const query = Object.fromEntries(url.searchParams);
    return { method: request.method ?? 'GET', path, query, inc: (query.inc ?? '').split(/[+ ]/).filter(Boolean), userAgent: request.headers['user-agent'] };
  }

  protected faultReply(fault: MbStatusFault): Reply {
    return { status: fault.status, body: fault.body ?? errorBody(fault.status), headers: fault.headers };
  }

  protected answer(logged: LoggedRequest): Reply {
    const [status, body] = this.respond(logged.method, logged.path, logged.query, logged.inc);
    return { status, body };
  }

  protected override takeFault(path: string): MbFault | undefined {
    const scripted = super.takeFault(path);
    if (scripted) return scripted;
    for (const rule of this.periodic) {
      if (!path.startsWith(rule.pathPrefix)) continue;
      rule.seen++;
      if (rule.seen % rule.every === 0) return rule.fault;
    }
    return undefined;
  }

  private respond(method: string, path: string, query: Record<string, string>, inc: string[]): [number, unknown] {
    if (method !== 'GET') return [405, { error: 'Method not allowed' }];
    const [entity, id, ...rest] = path.split('/');
    if (entity === 'release-group' && !id && query.fmt === 'json') return this.browseReleaseGroups(query);
    if (!entity || !INCS[entity] || !id || rest.length > 0) return [404, NOT_FOUND_BODY];
    if (query.fmt !== 'json') return [400, { error: 'This fake serves JSON only: ask with fmt=json.' }];
    const badInc = inc.find((value) => !INCS[entity]!.has(value));
    if (badInc) return [400, { error: `${badInc} is not a valid inc parameter for the ${entity} resource.`, help: NOT_FOUND_BODY.help }];
    const has = new Set(inc);
    if (entity === 'isrc') {
      if (!ISRC.test(id)) return [400, { error: 'Invalid isrc.', help: NOT_FOUND_BODY.help }];
      const recordings = [...this.recordings.values()].filter((recording) => recording.isrcs.includes(id));
      return recordings.length ? [200, { isrc: id, recordings: recordings.map((recording) => this.recordingJson(recording, has)) }] : [404, NOT_FOUND_BODY];
    }
    if (!MBID.test(id)) return [400, { error: 'Invalid mbid.', help: NOT_FOUND_BODY.help }];
    if (entity === 'recording') {
      const recording = this.recordings.get(id);
      return recording ? [200, this.recordingJson(recording, has)] : [404, NOT_FOUND_BODY];
    }
    if (entity === 'artist') {
      const artist = this.artists.get(id);
      return artist ? [200, this.artistJson(artist, has)] : [404, NOT_FOUND_BODY];
    }
    if (entity === 'release') {
      const release = this.releases.get(id);
      return release ? [200, this.releaseJson(release, has)] : [404, NOT_FOUND_BODY];
    }
    const label = this.labels.get(id);
    return label ? [200, this.labelJson(label, has)] : [404, NOT_FOUND_BODY];
  }

  private artistRefJson(id: string): Record<string, unknown> {
    const artist = this.artists.get(id);
    if (!artist) throw new Error(`fake MusicBrainz: no artist ${id} (add it before the recordings and releases that credit it)`);
    return {
      id,
      name: artist.name,
      'sort-name': artist.sortName ?? artist.name,
      type: artist.type ?? null,
      'type-id': null,
      disambiguation: artist.disambiguation ?? '',
    };
  }

  private creditJson(credits: RecordingFixture['credits']): unknown[] {
    return credits.map((credit) => {
      const artist = this.artistRefJson(credit.artistId);
      return { name: credit.as ?? artist.name, joinphrase: credit.join ?? '', artist };
    });
  }

  private releaseSummaryJson(id: string): Record<string, unknown> {
    const release = this.releases.get(id);
    if (!release) throw new Error(`fake MusicBrainz: no release ${id}`);
    return {
      id,
      title: release.title,
      status: release.status ?? 'Official',
      'status-id': null,
      date: release.date ?? '',
      country: release.country ?? null,
      'release-events': release.date ? [{ date: release.date, area: release.country ? countryArea(release.country) : null }] : [],
      barcode: release.barcode ?? null,
      packaging: null,
      quality: 'normal',
      disambiguation: '',
      'text-representation': { language: 'eng', script: 'Latn' },
    };
  }

  private recordingJson(recording: RecordingFixture, inc: Set<string>): Record<string, unknown> {
    const releaseDates = (recording.releaseIds ?? [])
      .map((id) => this.releases.get(id)?.date)
      .filter(Boolean)
      .sort();
    return {
      id: recording.id,
      title: recording.title,
      length: recording.lengthMs ?? null,
      video: false,
      disambiguation: '',
      'first-release-date': recording.firstReleaseDate ?? releaseDates[0] ?? '',
      ...(inc.has('artist-credits') || inc.has('artists') ? { 'artist-credit': this.creditJson(recording.credits) } : {}),
      ...(inc.has('releases') ? { releases: (recording.releaseIds ?? []).map((id) => this.releaseSummaryJson(id)) } : {}),
      ...(inc.has('isrcs') ? { isrcs: recording.isrcs } : {}),
      ...([...inc].some((value) => value.endsWith('-rels')) ? { relations: this.recordingRelationsJson(recording, inc) } : {}),
    };
  }

  /** A recording's relations: its works (performance, each with its own relations under work-level-rels) and its ℗ labels. */
  private recordingRelationsJson(recording: RecordingFixture, inc: Set<string>): unknown[] {
    const relations: unknown[] = [];
    if (inc.has('work-rels')) {
      for (const workId of recording.workIds ?? []) {
        const work = this.works.get(workId);
        if (!work) throw new Error(`fake MusicBrainz: no work ${workId}`);
        relations.push(relationJson('performance', 'work', 'forward', this.workJson(work, inc.has('work-level-rels') ? inc : new Set()), {}));
      }
    }
    if (inc.has('label-rels')) {
      for (const labelId of recording.phonographicCopyrightLabelIds ?? []) {
        const label = this.labels.get(labelId);
        if (!label) throw new Error(`fake MusicBrainz: no label ${labelId}`);
        relations.push(relationJson('phonographic copyright', 'label', 'backward', this.labelRefJson(label), {}));
      }
    }
    return relations;
  }

  /** A work as MusicBrainz embeds it, with its artist and label relations when those are asked for. */
  private workJson(work: WorkFixture, inc: Set<string>): Record<string, unknown> {
    const relations: unknown[] = [];
    if (inc.has('artist-rels')) {
      (work.writerIds ?? []).forEach((artistId, i) =>
        relations.push(relationJson(i === 0 ? 'composer' : 'lyricist', 'artist', 'backward', this.artistRefJson(artistId), {})),
      );
    }
    for (const publisher of work.publishers ?? []) {
      if (publisher.labelId && inc.has('label-rels')) {
        const label = this.labels.get(publisher.labelId);
        if (!label) throw new Error(`fake MusicBrainz: no label ${publisher.labelId}`);
        relations.push(relationJson('publishing', 'label', 'backward', this.labelRefJson(label), publisher, 'label-work publishing'));
      }
      if (publisher.artistId && inc.has('artist-rels')) {
        relations.push(relationJson('publishing', 'artist', 'backward', this.artistRefJson(publisher.artistId), publisher, 'artist-work publishing'));
      }
    }
    return {
      id: work.id,
      title: work.title,
      type: 'Song',
      'type-id': 'f061270a-2fd6-32f1-a641-f0f8676d14e6',
      language: 'eng',
      languages: ['eng'],
      iswcs: [],
      attributes: [],
      disambiguation: '',
      ...(inc.size > 0 ? { relations } : {}),
    };
  }

  /**
   * GET /release-group?artist=<mbid>: the artist's release groups (one per release without a
   * groupId); `release-group-status=website-default` leaves out groups with no official release.
   */
  private browseReleaseGroups(query: Record<string, string>): [number, unknown] {
    const artistId = query.artist;
    if (!artistId || !MBID.test(artistId)) return [400, { error: 'Invalid mbid.', help: NOT_FOUND_BODY.help }];
    if (!this.artists.has(artistId)) return [404, NOT_FOUND_BODY];
    const status = query['release-group-status'];
    if (status !== undefined && status !== 'all' && status !== 'website-default')
      return [400, { error: `${status} is not a valid value for the release-group-status parameter.`, help: NOT_FOUND_BODY.help }];
    const groups = new Map<string, ReleaseFixture[]>();
    for (const release of this.releases.values()) {
      if (!release.artistIds.includes(artistId)) continue;
      const groupId = this.groupIdOf(release);
      groups.set(groupId, [...(groups.get(groupId) ?? []), release]);
    }
    const listed = [...groups.entries()].filter(
      ([, releases]) => status !== 'website-default' || releases.some((release) => (release.status ?? 'Official') === 'Official'),
    );
    const offset = Number(query.offset ?? 0);
    const limit = Math.min(Number(query.limit ?? 25), 100);
    return [
      200,
      {
        'release-group-offset': offset,
        'release-group-count': listed.length,
        'release-groups': listed.slice(offset, offset + limit).map(([id, releases]) => {
          const first = releases.map((release) => release.date ?? '').sort()[0] ?? '';
          return {
            id,
            title: releases[0]!.title,
            'primary-type': releases[0]!.primaryType ?? 'Single',
            'primary-type-id': null,
            'secondary-types': releases[0]!.secondaryTypes ?? [],
            'secondary-type-ids': [],
            'first-release-date': first,
            disambiguation: '',
          };
        }),
      },
    ];
  }

  private groupIdOf(release: ReleaseFixture): string {
    return release.groupId ?? synthId(6, parseInt(release.id.slice(-8), 16));
  }

  private artistJson(artist: ArtistFixture, inc: Set<string>): Record<string, unknown> {
    return {
      ...this.artistRefJson(artist.id),
      gender: artist.gender ?? null,
      'gender-id': null,
      country: artist.country ?? artist.area?.countryCodes?.[0] ?? null,
      area: areaJson(artist.area),
      'begin-area': areaJson(artist.beginArea),
      'end-area': null,
      'life-span': { begin: artist.begin ?? null, end: artist.end ?? null, ended: Boolean(artist.end) },
      isnis: [],
      ipis: [],
      ...(inc.has('url-rels') ? { relations: (artist.urls ?? []).map((url) => urlRelationJson(url)) } : {}),
      ...(inc.has('tags') ? { tags: (artist.tags ?? []).map((tag) => ({ name: tag.name, count: tag.count ?? 1 })) } : {}),
      ...(inc.has('genres')
        ? { genres: (artist.genres ?? []).map((genre) => ({ id: null, name: genre.name, count: genre.count ?? 1, disambiguation: '' })) }
        : {}),
    };
  }

  private labelRefJson(label: LabelFixture): Record<string, unknown> {
    return {
      id: label.id,
      name: label.name,
      'sort-name': label.sortName ?? label.name,
      type: label.type ?? null,
      'type-id': null,
      'label-code': label.labelCode ?? null,
      disambiguation: label.disambiguation ?? '',
    };
  }

  private releaseJson(release: ReleaseFixture, inc: Set<string>): Record<string, unknown> {
    const tracks = (release.recordingIds ?? []).map((id, i) => {
      const recording = this.recordings.get(id);
      if (!recording) throw new Error(`fake MusicBrainz: no recording ${id}`);
      return {
        id: synthId(7, parseInt(id.slice(-8), 16) + i),
        position: i + 1,
        number: String(i + 1),
        title: recording.title,
        length: recording.lengthMs ?? null,
        recording: { id, title: recording.title, length: recording.lengthMs ?? null, video: false, disambiguation: '' },
      };
    });
    return {
      ...this.releaseSummaryJson(release.id),
      ...(inc.has('labels')
        ? {
            'label-info': (release.labels ?? []).map((info) => {
              const label = info.labelId ? this.labels.get(info.labelId) : undefined;
              if (info.labelId && !label) throw new Error(`fake MusicBrainz: no label ${info.labelId}`);
              return { 'catalog-number': info.catalogNumber ?? null, label: label ? this.labelRefJson(label) : null };
            }),
          }
        : {}),
      ...(inc.has('release-groups')
        ? {
            'release-group': {
              id: this.groupIdOf(release),
              title: release.title,
              'primary-type': release.primaryType ?? 'Single',
              'secondary-types': release.secondaryTypes ?? [],
              'first-release-date': release.date ?? '',
              disambiguation: '',
            },
          }
        : {}),
      ...(inc.has('recordings') || inc.has('media')
        ? {
            media: [
              {
                position: 1,
                format: release.format ?? 'Digital Media',
                'track-count': tracks.length,
                'track-offset': 0,
                ...(inc.has('recordings') ? { tracks } : {}),
              },
            ],
          }
        : {}),
      ...(inc.has('artist-credits') || inc.has('artists') ? { 'artist-credit': this.creditJson(release.artistIds.map((artistId) => ({ artistId }))) } : {}),
    };
  }

  private labelJson(label: LabelFixture, inc: Set<string>): Record<string, unknown> {
    const relations: unknown[] = [];
    if (inc.has('label-rels')) {
      // This label's parents: read from here, the relation runs backward (the parent is entity0).
      for (const parent of label.parents ?? []) {
        const other = this.labels.get(parent.labelId);
        if (other) relations.push(labelRelationJson(parent.type, 'backward', this.labelRefJson(other), parent));
      }
      // Labels whose parent this one is: forward.
      for (const child of this.labels.values()) {
        for (const parent of child.parents ?? []) {
          if (parent.labelId === label.id) relations.push(labelRelationJson(parent.type, 'forward', this.labelRefJson(child), parent));
        }
      }
    }
    if (inc.has('url-rels')) relations.push(...(label.urls ?? []).map((url) => urlRelationJson(url)));
    return {
      ...this.labelRefJson(label),
      country: label.country ?? label.area?.countryCodes?.[0] ?? null,
      area: areaJson(label.area),
      'life-span': { begin: label.begin ?? null, end: null, ended: false },
      ipis: [],
      isnis: [],
      ...(inc.has('label-rels') || inc.has('url-rels') ? { relations } : {}),
    };
  }
}

function errorBody(status: number): unknown {
  if (status === 404) return NOT_FOUND_BODY;
  if (status === 503 || status === 429) return { error: RATE_LIMIT_MESSAGE };
  if (status === 400) return { error: 'Invalid request.', help: NOT_FOUND_BODY.help };
  return `<html><head><title>${status}</title></head><body><h1>${status}</h1><hr><center>nginx</center></body></html>`;
}

function areaJson(area: AreaFixture | undefined): Record<string, unknown> | null {
  if (!area) return null;
  return {
    id: area.id ?? null,
    name: area.name,
    'sort-name': area.name,
    type: area.type ?? null,
    'type-id': null,
    disambiguation: '',
    ...(area.countryCodes ? { 'iso-3166-1-codes': area.countryCodes } : {}),
    ...(area.subdivisionCodes ? { 'iso-3166-2-codes': area.subdivisionCodes } : {}),
  };
}

function countryArea(code: string): Record<string, unknown> {
  const known = [NEW_ZEALAND, AUSTRALIA, SAMOA, UNITED_STATES].find((area) => area.countryCodes?.includes(code));
  return areaJson(known ?? { name: code, type: 'Country', countryCodes: [code] })!;
}

function urlRelationJson(url: { type: string; url: string; ended?: boolean }): Record<string, unknown> {
  return {
    type: url.type,
    'type-id': null,
    'target-type': 'url',
    direction: 'forward',
    url: { id: synthId(5, hash(url.url)), resource: url.url },
    attributes: [],
    'attribute-ids': {},
    'attribute-values': {},
    begin: null,
    end: null,
    ended: url.ended ?? false,
    'source-credit': '',
    'target-credit': '',
  };
}

function labelRelationJson(
  type: string,
  direction: 'forward' | 'backward',
  label: Record<string, unknown>,
  dates: { begin?: string; end?: string },
): Record<string, unknown> {
  return relationJson(type, 'label', direction, label, dates);
}

/** A relation in MusicBrainz's shape: the target under its type's key (`work`, `label`, `artist`). */
function relationJson(
  type: string,
  targetType: 'work' | 'label' | 'artist',
  direction: 'forward' | 'backward',
  target: Record<string, unknown>,
  dates: { begin?: string; end?: string },
  typeKey = type,
): Record<string, unknown> {
  return {
    type,
    'type-id': RELATION_TYPE_IDS[typeKey] ?? null,
    'target-type': targetType,
    direction,
    [targetType]: target,
    attributes: [],
    'attribute-ids': {},
    'attribute-values': {},
    begin: dates.begin ?? null,
    end: dates.end ?? null,
    ended: Boolean(dates.end),
    'source-credit': '',
    'target-credit': '',
  };
}

/** A made-up MBID for synthetic entity `n` of kind `kind` (format-valid, not MusicBrainz's). */
function synthId(kind: number, n: number): string {
  return `00000000-0000-4000-8${kind.toString(16).padStart(3, '0')}-${(n >>> 0).toString(16).padStart(12, '0')}`;
}

function hash(text: string): number {
  let h = 0;
  for (const char of text) h = (Math.imul(h, 31) + char.charCodeAt(0)) >>> 0;
  return h;
}

const NEW_ZEALAND: AreaFixture = { id: '49787388-581d-4e7f-be3f-88a0a611042a', name: 'New Zealand', type: 'Country', countryCodes: ['NZ'] };
const AUSTRALIA: AreaFixture = { id: '6c536577-da3e-4732-9a92-ef492bfaca24', name: 'Australia', type: 'Country', countryCodes: ['AU'] };
const SAMOA: AreaFixture = { id: '0ff5a9ed-ecc7-4b9c-b322-21417193bc40', name: 'Samoa', type: 'Country', countryCodes: ['WS'] };
const UNITED_STATES: AreaFixture = { id: '7ab215a0-f02a-4d4f-98c0-217d6dee3679', name: 'United States', type: 'Country', countryCodes: ['US'] };

/**
 * Made-up but plausible entities in MusicBrainz's shape, one per kind of lead: a New Zealand
 * artist releasing on their own ("[no label]"), an Australian band on an indie label with an
 * indie distributor, a US artist on an imprint of a major-owned label (featuring the NZ artist),
 * and a Samoan artist releasing through a DIY distributor; their songs' works with writers and
 * publishers (see `works`). Ids are random, not MusicBrainz's.
 */
export const REALISTIC = (() => {
  const ids = {
    tuiHarbour: 'ea4eeb66-56c5-4235-87a2-f65428042d2c',
    saltbushParade: '34114d13-891d-4775-9181-2cafaecd774c',
    marloweVance: '9a2baa4b-ed32-48fd-80e2-ef8cb6816adf',
    lagiFaatasi: '6c929ecc-d703-4a0a-8cfc-babcd653328f',
    redgumLane: '8c4afdb9-552f-4f29-b7ff-014080acdc7f',
    southernWire: '3d5c4a83-bdb2-4202-b98f-3b00cad0f457',
    brightline: 'bceb32ed-c9f5-438f-9a05-089598a7f0d9',
    summitAvenue: '4eb4501c-1c0f-4b9a-9280-5a17fc652c89',
    universal: 'e6ae6eb6-7e3b-48ff-9710-3cbc11a82a2e',
    distroKid: '81d03bdb-2e07-4915-a6ee-9d17efefba9a',
    lowTideRelease: 'be40ddd8-9fd1-44f7-b5a6-98a965430f34',
    dashboardRelease: '65ad93cf-4521-4092-aac5-afcd801fc6a9',
    glassSkylineRelease: 'f0973664-9667-4a6b-a799-3e7e2a40a1a4',
    islandTimeRelease: '045805ab-dc4c-4151-a826-4507e60f3fc0',
    lowTide: 'e429cfb5-e864-472c-9d17-9d0831847593',
    dashboard: '0dd96c47-cf64-47d2-93b8-07fe1cf1f715',
    glassSkyline: '6a5b0cc6-68f2-4ead-86e6-feaa462384a6',
    islandTime: 'fa3c970c-8ef1-4ec3-aa56-6ea70e412d8b',
    dashboardB: '1aba6846-cd30-4407-8366-baadd3750630',
    summitPublishing: '5f0f8a52-7d0e-4b8e-9a39-2c1d0e6b7a41',
    lowTideWork: '0b3f5c7e-2a44-4d51-8f6e-6f3a9c1d2e80',
    dashboardWork: '7e1d2c3b-4a59-4f68-9e77-8d6c5b4a3f21',
    glassSkylineWork: 'c4b3a291-8e7d-4c6b-a5f4-3e2d1c0b9a87',
    islandTimeWork: '2d9e8f7a-6b5c-4d3e-9f2a-1b0c9d8e7f65',
  };
  const isrcs = { lowTide: 'NZTH12400031', dashboard: 'AUR5L2300112', dashboardB: 'AUR5L2300113', glassSkyline: 'USBL12501234', islandTime: 'QZES82400417' };

  const artists: ArtistFixture[] = [
    {
      id: ids.tuiHarbour,
      name: 'Tui Harbour',
      type: 'Person',
      gender: 'Female',
      area: NEW_ZEALAND,
      beginArea: { name: 'Whanganui', type: 'City' },
      begin: '1998',
      disambiguation: 'New Zealand singer-songwriter',
      urls: [
        { type: 'official homepage', url: 'https://tuiharbour.example/' },
        { type: 'bandcamp', url: 'https://tuiharbour.bandcamp.com/' },
        { type: 'social network', url: 'https://www.instagram.com/tuiharbour.music/' },
        { type: 'free streaming', url: 'https://open.spotify.com/artist/0TuiHarbourFakeId00001' },
      ],
      tags: [
        { name: 'folk', count: 2 },
        { name: 'singer-songwriter', count: 1 },
      ],
      genres: [{ name: 'indie folk', count: 2 }],
    },
    {
      id: ids.saltbushParade,
      name: 'The Saltbush Parade',
      sortName: 'Saltbush Parade, The',
      type: 'Group',
      area: AUSTRALIA,
      beginArea: { name: 'Fremantle', type: 'City' },
      begin: '2017',
      urls: [
        { type: 'official homepage', url: 'https://saltbushparade.example/' },
        { type: 'social network', url: 'https://www.facebook.com/saltbushparade' },
        { type: 'youtube', url: 'https://www.youtube.com/channel/UCsaltbushParadeFake0001' },
        { type: 'soundcloud', url: 'https://soundcloud.com/saltbush-parade' },
        { type: 'free streaming', url: 'https://open.spotify.com/artist/0SaltbushParadeFakeId1' },
        { type: 'social network', url: 'https://twitter.com/saltbushparade', ended: true },
      ],
      tags: [
        { name: 'indie rock', count: 3 },
        { name: 'australian', count: 1 },
      ],
      genres: [
        { name: 'indie rock', count: 3 },
        { name: 'surf rock', count: 1 },
      ],
    },
    {
      id: ids.marloweVance,
      name: 'Marlowe Vance',
      type: 'Person',
      gender: 'Male',
      area: UNITED_STATES,
      beginArea: { name: 'Atlanta', type: 'City' },
      begin: '1996-04-02',
      urls: [
        { type: 'official homepage', url: 'https://marlowevance.example/' },
        { type: 'social network', url: 'https://www.instagram.com/marlowevance/' },
        { type: 'social network', url: 'https://www.tiktok.com/@marlowevance' },
        { type: 'youtube', url: 'https://www.youtube.com/@MarloweVanceVEVO' },
        { type: 'streaming', url: 'https://music.apple.com/us/artist/marlowe-vance/1000000001' },
        { type: 'free streaming', url: 'https://open.spotify.com/artist/0MarloweVanceFakeId01' },
      ],
      tags: [
        { name: 'pop', count: 5 },
        { name: 'r&b', count: 2 },
      ],
      genres: [
        { name: 'pop', count: 5 },
        { name: 'contemporary r&b', count: 2 },
      ],
    },
    {
      id: ids.lagiFaatasi,
      name: 'Lagi Faʻatasi',
      sortName: 'Faʻatasi, Lagi',
      type: 'Person',
      area: SAMOA,
      beginArea: { name: 'Apia', type: 'City' },
      urls: [{ type: 'social network', url: 'https://www.instagram.com/lagi.faatasi/' }],
      genres: [{ name: 'island reggae', count: 1 }],
    },
  ];

  const labels: LabelFixture[] = [
    {
      id: ids.southernWire,
      name: 'Southern Wire Distribution',
      type: 'Distributor',
      area: AUSTRALIA,
      begin: '2009',
      urls: [{ type: 'official homepage', url: 'https://southernwire.example/' }],
    },
    {
      id: ids.redgumLane,
      name: 'Redgum Lane Records',
      type: 'Original Production',
      area: AUSTRALIA,
      begin: '2014',
      urls: [
        { type: 'official homepage', url: 'https://redgumlane.example/' },
        { type: 'bandcamp', url: 'https://redgumlane.bandcamp.com/' },
      ],
      parents: [{ type: 'label distribution', labelId: ids.southernWire, begin: '2019' }],
    },
    { id: ids.universal, name: 'Universal Music Group', type: 'Holding', area: UNITED_STATES, begin: '1996' },
    {
      id: ids.summitAvenue,
      name: 'Summit Avenue Music',
      type: 'Original Production',
      labelCode: 98765,
      area: UNITED_STATES,
      begin: '2004',
      parents: [{ type: 'label ownership', labelId: ids.universal, begin: '2012' }],
    },
    { id: ids.brightline, name: 'Brightline', type: 'Imprint', area: UNITED_STATES, begin: '2018', parents: [{ type: 'imprint', labelId: ids.summitAvenue }] },
    {
      id: ids.distroKid,
      name: 'DistroKid',
      type: 'Distributor',
      area: UNITED_STATES,
      begin: '2013',
      urls: [{ type: 'official homepage', url: 'https://distrokid.com/' }],
    },
    { id: ids.summitPublishing, name: 'Summit Avenue Songs', type: 'Publisher', area: UNITED_STATES, begin: '2010' },
  ];

  // The songs: Tui Harbour's written by her, unpublished; the Saltbush Parade's known by title
  // only; Marlowe Vance's with a publisher; Lagi Faʻatasi's self-published.
  const works: WorkFixture[] = [
    { id: ids.lowTideWork, title: 'Low Tide Letters', writerIds: [ids.tuiHarbour] },
    { id: ids.dashboardWork, title: 'Dust on the Dashboard' },
    { id: ids.glassSkylineWork, title: 'Glass Skyline', writerIds: [ids.marloweVance, ids.tuiHarbour], publishers: [{ labelId: ids.summitPublishing }] },
    { id: ids.islandTimeWork, title: 'Island Time', writerIds: [ids.lagiFaatasi], publishers: [{ artistId: ids.lagiFaatasi }] },
  ];

  const releases: ReleaseFixture[] = [
    {
      id: ids.lowTideRelease,
      title: 'Low Tide Letters',
      date: '2024-05-17',
      country: 'NZ',
      labels: [{ labelId: MB_NO_LABEL }],
      artistIds: [ids.tuiHarbour],
      primaryType: 'Single',
      recordingIds: [ids.lowTide],
    },
    {
      id: ids.dashboardRelease,
      title: 'Dust on the Dashboard',
      date: '2023-09-01',
      country: 'AU',
      barcode: '9345678901234',
      labels: [{ labelId: ids.redgumLane, catalogNumber: 'RGL-014' }],
      artistIds: [ids.saltbushParade],
      primaryType: 'EP',
      recordingIds: [ids.dashboard, ids.dashboardB],
      format: 'Digital Media',
    },
    // The Saltbush Parade's earlier records: an established indie band (5 release groups in all).
    ...['Fremantle Doctor', 'Pindan Red', 'Rottnest Ferry', 'Nullarbor Nights'].map((title, i) => ({
      id: `34114d13-891d-4775-9181-2cafaecd77${String(i).padStart(2, '0')}`,
      title,
      date: `${2018 + i}-10-05`,
      country: 'AU',
      labels: [{ labelId: ids.redgumLane }],
      artistIds: [ids.saltbushParade],
      primaryType: i % 2 ? ('Album' as const) : ('EP' as const),
    })),
    {
      id: ids.glassSkylineRelease,
      title: 'Glass Skyline',
      date: '2025-02-14',
      country: 'XW',
      barcode: '00602455512345',
      labels: [{ labelId: ids.brightline, catalogNumber: 'BRL0042' }],
      artistIds: [ids.marloweVance],
      primaryType: 'Album',
      recordingIds: [ids.glassSkyline],
    },
    {
      id: ids.islandTimeRelease,
      title: 'Island Time',
      date: '2024-11',
      labels: [{ labelId: ids.distroKid }],
      artistIds: [ids.lagiFaatasi],
      primaryType: 'Single',
      recordingIds: [ids.islandTime],
    },
  ];

  const recordings: RecordingFixture[] = [
    {
      id: ids.lowTide,
      title: 'Low Tide Letters',
      isrcs: [isrcs.lowTide],
      lengthMs: 214_000,
      credits: [{ artistId: ids.tuiHarbour }],
      releaseIds: [ids.lowTideRelease],
      workIds: [ids.lowTideWork],
    },
    {
      id: ids.dashboard,
      title: 'Dust on the Dashboard',
      isrcs: [isrcs.dashboard],
      lengthMs: 198_500,
      credits: [{ artistId: ids.saltbushParade }],
      releaseIds: [ids.dashboardRelease],
      workIds: [ids.dashboardWork],
    },
    {
      id: ids.dashboardB,
      title: 'Nullarbor Static',
      isrcs: [isrcs.dashboardB],
      lengthMs: 241_000,
      credits: [{ artistId: ids.saltbushParade }],
      releaseIds: [ids.dashboardRelease],
    },
    {
      id: ids.glassSkyline,
      title: 'Glass Skyline',
      isrcs: [isrcs.glassSkyline],
      lengthMs: 187_250,
      credits: [{ artistId: ids.marloweVance, join: ' feat. ' }, { artistId: ids.tuiHarbour }],
      releaseIds: [ids.glassSkylineRelease],
      workIds: [ids.glassSkylineWork],
      phonographicCopyrightLabelIds: [ids.summitAvenue],
    },
    {
      id: ids.islandTime,
      title: 'Island Time',
      isrcs: [isrcs.islandTime],
      credits: [{ artistId: ids.lagiFaatasi }],
      releaseIds: [ids.islandTimeRelease],
      workIds: [ids.islandTimeWork],
    },
  ];

  return { ids, isrcs, artists, labels, works, releases, recordings };
})();
