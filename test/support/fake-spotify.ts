import nock from 'nock';

/** What the fake answers to the next matching request instead of its normal reply. */
export type ScriptedReply = { status: number; body?: unknown; headers?: Record<string, string> } | { networkError: string } | { delayMs: number };

interface Recorded {
  method: string;
  path: string;
  authorization: string | undefined;
}

const ACCOUNTS = 'https://accounts.spotify.com';
const API = 'https://api.spotify.com';

/** A code Spotify's authorize page handed out (authorization-code flow), good once. */
interface AuthorizationCode {
  userId: string;
  redirectUri: string;
  scope: string;
  used: boolean;
}

/** A token issued to a user's grant: what it may see and when it stops working. */
interface UserToken {
  userId: string;
  scope: string;
  expiresAt: number;
}

/**
 * Spotify's accounts service and Web API as documented (client-credentials token, the
 * authorization-code flow with refresh tokens, tracks, artists (one or several), albums, new
 * releases, search of tracks and albums with field filters, audio features, the current user, the `{"error": {"status", "message"}}` and `{"error", "error_description"}`
 * error objects), served from memory behind nock, so the real client and its HTTP stack run
 * unchanged. The authorize page is a browser's business: `authorize()` plays the user there.
 */
export class FakeSpotify {
  readonly tracks = new Map<string, SpotifyApi.TrackObjectFull>();
  readonly audioFeatures = new Map<string, SpotifyApi.AudioFeaturesObject>();
  readonly artists = new Map<string, SpotifyApi.ArtistObjectFull>();
  readonly albums = new Map<string, SpotifyApi.AlbumObjectFull>();
  readonly users = new Map<string, SpotifyApi.UserObjectPrivate>();
  /** The album ids GET /v1/browse/new-releases lists, in its order (Spotify's editors pick them). */
  readonly newReleases: string[] = [];
  readonly requests: Recorded[] = [];
  /** Spotify's answer for apps without extended quota since November 2024. */
  audioFeaturesForbidden = false;
  tokenLifetimeSeconds = 3600;
  /** expires_in of tokens issued to users (authorization code and refresh). */
  userTokenLifetimeSeconds = 3600;
  /** Whether a refresh answers a new refresh_token (Spotify may or may not; the old one then stops working). */
  rotateRefreshTokens = false;
  private readonly scripts: Array<{ pathPrefix: string; reply: ScriptedReply }> = [];
  private readonly validTokens = new Set<string>();
  private readonly codes = new Map<string, AuthorizationCode>();
  private readonly userTokens = new Map<string, UserToken>();
  /** Refresh token → the grant it renews. */
  private readonly refreshTokens = new Map<string, { userId: string; scope: string }>();
  private issued = 0;

  constructor(
    private readonly clientId = 'encore-test-client',
    private readonly clientSecret = 'encore-test-secret',
  ) {}

  get env(): NodeJS.ProcessEnv {
    return { SPOTIFY_CLIENT_ID: this.clientId, SPOTIFY_CLIENT_SECRET: this.clientSecret, SPOTIFY_MAX_RETRIES: '3' };
  }

  get tokenRequests(): number {
    return this.requests.filter((request) => request.path === '/api/token').length;
  }

  apiRequests(pathPrefix: string): Recorded[] {
    return this.requests.filter((request) => request.path.startsWith(pathPrefix));
  }

  /** Intercepts both hosts; everything else (the app under test, the database) goes through. */
  start(): this {
    nock.disableNetConnect();
    nock.enableNetConnect((host) => host.startsWith('127.0.0.1') || host.startsWith('localhost'));
    // nock passes the intercepted request as `this` of a function reply.
    const handle = this.handle.bind(this);
    for (const origin of [ACCOUNTS, API]) {
      for (const method of ['get', 'post'] as const) {
        const scope = nock(origin).persist();
        scope[method](/.*/).reply(function (path, body, callback) {
          void handle(method.toUpperCase(), path, body, this.req.headers.authorization, callback);
        });
      }
    }
    return this;
  }

  stop(): void {
    nock.cleanAll();
    nock.enableNetConnect();
  }

  /** The next requests whose path starts with `pathPrefix` get these replies, in order. */
  script(pathPrefix: string, ...replies: ScriptedReply[]): void {
    for (const reply of replies) this.scripts.push({ pathPrefix, reply });
  }

  /** Every token issued so far stops working, as when they expire. */
  expireTokens(): void {
    this.validTokens.clear();
    this.userTokens.clear();
  }

  addTrack(track: Partial<SpotifyApi.TrackObjectFull> & { id: string; name: string }, features?: Partial<SpotifyApi.AudioFeaturesObject>): void {
    this.tracks.set(track.id, spotifyTrack(track));
    if (features) this.audioFeatures.set(track.id, audioFeaturesOf(track.id, features));
  }

  addArtist(artist: Partial<SpotifyApi.ArtistObjectFull> & { id: string; name: string }): SpotifyApi.ArtistObjectFull {
    const full = spotifyArtist(artist);
    this.artists.set(artist.id, full);
    return full;
  }

  addAlbum(album: Partial<SpotifyApi.AlbumObjectFull> & { id: string; name: string }): SpotifyApi.AlbumObjectFull {
    const full = spotifyAlbum(album);
    this.albums.set(album.id, full);
    return full;
  }

  addUser(user: Partial<SpotifyApi.UserObjectPrivate> & { id: string }): SpotifyApi.UserObjectPrivate {
    const full = spotifyUser(user);
    this.users.set(user.id, full);
    return full;
  }

  /**
   * What Spotify's authorize page does when user `userId` approves (or, with `deny`, declines)
   * the app: checks the authorize URL as Spotify would and answers the redirect back to the
   * app's redirect_uri, with `code` and `state` (or `error=access_denied` and `state`).
   */
  authorize(authorizeUrl: string, userId: string, { deny = false } = {}): URL {
    const url = new URL(authorizeUrl);
    const params = url.searchParams;
    if (url.origin !== ACCOUNTS || url.pathname !== '/authorize') throw new Error(`not Spotify's authorize URL: ${authorizeUrl}`);
    if (params.get('client_id') !== this.clientId) throw new Error(`INVALID_CLIENT: Invalid client (client_id=${params.get('client_id')})`);
    if (params.get('response_type') !== 'code') throw new Error('response_type must be code');
    const redirectUri = params.get('redirect_uri');
    if (!redirectUri || !/^https?:\/\//.test(redirectUri)) throw new Error('INVALID_CLIENT: Invalid redirect URI');
    if (!this.users.has(userId)) throw new Error(`no Spotify user ${userId} to sign in as`);
    const back = new URL(redirectUri);
    if (deny) back.searchParams.set('error', 'access_denied');
    else {
      const code = `fake-code-${++this.issued}`;
      this.codes.set(code, { userId, redirectUri, scope: params.get('scope') ?? '', used: false });
      back.searchParams.set('code', code);
    }
    if (params.has('state')) back.searchParams.set('state', params.get('state')!);
    return back;
  }

  /** The user removes the app at spotify.com/account/apps: their refresh tokens get invalid_grant, access tokens 401. */
  revokeUserGrants(userId: string): void {
    for (const [token, grant] of this.refreshTokens) if (grant.userId === userId) this.refreshTokens.delete(token);
    for (const [token, grant] of this.userTokens) if (grant.userId === userId) this.userTokens.delete(token);
  }

  /** Whether Spotify would accept this access token now. */
  accepts(accessToken: string): boolean {
    const user = this.userTokens.get(accessToken);
    return this.validTokens.has(accessToken) || (user !== undefined && user.expiresAt > Date.now());
  }

  private async handle(
    method: string,
    path: string,
    body: unknown,
    authorization: string | undefined,
    callback: (error: Error | null, reply: nock.ReplyFnResult) => void,
  ): Promise<void> {
    this.requests.push({ method, path, authorization });
    const script = this.scripts.find((candidate) => path.startsWith(candidate.pathPrefix));
    if (script) {
      this.scripts.splice(this.scripts.indexOf(script), 1);
      const { reply } = script;
      if ('networkError' in reply) return callback(Object.assign(new Error(reply.networkError), { code: reply.networkError }), [0, '']);
      if ('delayMs' in reply) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
      else return callback(null, [reply.status, (reply.body ?? '') as nock.Body, reply.headers ?? {}]);
    }
    callback(null, path === '/api/token' ? this.token(method, body, authorization) : this.api(method, path, authorization));
  }

  private token(method: string, body: unknown, authorization: string | undefined): [number, nock.Body] {
    const expected = `Basic ${Buffer.from(`${this.clientId}:${this.clientSecret}`).toString('base64')}`;
    const form: Record<string, string | undefined> =
      typeof body === 'string' ? Object.fromEntries(new URLSearchParams(body)) : ((body ?? {}) as Record<string, string>);
    const grant = form['grant_type'];
    if (method === 'POST' && (grant === 'authorization_code' || grant === 'refresh_token')) {
      // These grants take the client's credentials in the Authorization header or in the body.
      const clientOk = authorization === expected || (!authorization && form['client_id'] === this.clientId && form['client_secret'] === this.clientSecret);
      if (!clientOk) return [400, { error: 'invalid_client', error_description: 'Invalid client' }];
      return grant === 'authorization_code' ? this.codeGrant(form) : this.refreshGrant(form);
    }
    if (method !== 'POST' || grant !== 'client_credentials')
      return [400, { error: 'unsupported_grant_type', error_description: 'grant_type must be client_credentials, authorization_code or refresh_token' }];
    if (authorization !== expected) return [400, { error: 'invalid_client', error_description: 'Invalid client' }];
    const accessToken = `fake-token-${++this.issued}`;
    this.validTokens.add(accessToken);
    return [200, { access_token: accessToken, token_type: 'Bearer', expires_in: this.tokenLifetimeSeconds }];
  }

  private codeGrant(form: Record<string, string | undefined>): [number, nock.Body] {
    const code = this.codes.get(form['code'] ?? '');
    if (!code || code.used) return [400, { error: 'invalid_grant', error_description: 'Invalid authorization code' }];
    if (form['redirect_uri'] !== code.redirectUri) return [400, { error: 'invalid_grant', error_description: 'Invalid redirect URI' }];
    code.used = true;
    const refreshToken = `fake-refresh-${++this.issued}`;
    this.refreshTokens.set(refreshToken, { userId: code.userId, scope: code.scope });
    return [200, { ...this.userAccessToken(code.userId, code.scope), refresh_token: refreshToken }];
  }

  private refreshGrant(form: Record<string, string | undefined>): [number, nock.Body] {
    const refreshToken = form['refresh_token'] ?? '';
    const grant = this.refreshTokens.get(refreshToken);
    if (!grant) return [400, { error: 'invalid_grant', error_description: 'Refresh token revoked' }];
    const answer: Record<string, unknown> = this.userAccessToken(grant.userId, grant.scope);
    if (this.rotateRefreshTokens) {
      this.refreshTokens.delete(refreshToken);
      answer['refresh_token'] = `fake-refresh-${++this.issued}`;
      this.refreshTokens.set(answer['refresh_token'] as string, grant);
    }
    return [200, answer];
  }

  private userAccessToken(userId: string, scope: string) {
    const accessToken = `fake-user-token-${++this.issued}`;
    this.userTokens.set(accessToken, { userId, scope, expiresAt: Date.now() + this.userTokenLifetimeSeconds * 1000 });
    return { access_token: accessToken, token_type: 'Bearer', scope, expires_in: this.userTokenLifetimeSeconds };
  }

  private api(method: string, path: string, authorization: string | undefined): [number, nock.Body] {
    const token = authorization?.replace(/^Bearer /, '');
    if (!token) return apiError(401, 'No token provided');
    if (!this.accepts(token)) return apiError(401, 'The access token expired');
    const url = new URL(path, API);
    const [, version, resource, id] = url.pathname.split('/');
    if (method !== 'GET' || version !== 'v1') return apiError(404, 'Service not found');
    if (resource === 'me' && !id) {
      const user = this.userTokens.get(token);
      // A client-credentials token belongs to no user.
      if (!user) return apiError(401, 'Unauthorized');
      return [200, this.users.get(user.userId)!];
    }
    if (resource === 'artists' && !id) {
      const ids = (url.searchParams.get('ids') ?? '').split(',').filter(Boolean);
      if (ids.length === 0 || ids.length > 50 || ids.some((each) => !/^[0-9A-Za-z]{22}$/.test(each))) return apiError(400, 'invalid ids');
      return [200, { artists: ids.map((each) => this.artists.get(each) ?? null) }];
    }
    if (resource === 'browse' && id === 'new-releases')
      return [
        200,
        {
          albums: this.page(
            url,
            this.newReleases.map((albumId) => simplifiedAlbum(this.albums.get(albumId)!)),
          ),
        },
      ];
    if (resource === 'artists' && id) {
      if (!/^[0-9A-Za-z]{22}$/.test(id)) return apiError(400, 'invalid id');
      const artist = this.artists.get(id);
      return artist ? [200, artist] : apiError(404, 'Resource not found');
    }
    if (resource === 'albums' && id) {
      if (!/^[0-9A-Za-z]{22}$/.test(id)) return apiError(400, 'invalid id');
      const album = this.albums.get(id);
      return album ? [200, album] : apiError(404, 'Resource not found');
    }
    if (resource === 'tracks' && id) {
      if (!/^[0-9A-Za-z]{22}$/.test(id)) return apiError(400, 'invalid id');
      const track = this.tracks.get(id);
      return track ? [200, track] : apiError(404, 'Resource not found');
    }
    if (resource === 'audio-features' && id) {
      if (this.audioFeaturesForbidden) return apiError(403, 'Forbidden');
      const features = this.audioFeatures.get(id);
      return features ? [200, features] : apiError(404, 'Resource not found');
    }
    if (resource === 'search') return [200, this.search(url)];
    return apiError(404, 'Service not found');
  }

  /** One page (limit, offset) of items as Spotify's Paging object. */
  private page<T>(url: URL, items: T[]): SpotifyApi.PagingObject<T> {
    const limit = Number(url.searchParams.get('limit') ?? 20);
    const offset = Number(url.searchParams.get('offset') ?? 0);
    const next = offset + limit < items.length ? new URL(url) : null;
    next?.searchParams.set('offset', String(offset + limit));
    return {
      href: url.toString(),
      items: items.slice(offset, offset + limit),
      limit,
      next: next?.toString() ?? null,
      offset,
      previous: null,
      total: items.length,
    };
  }

  /**
   * Searches tracks and/or albums (`type`). Free words match title, artists or album; field filters
   * as Spotify documents them: `track:` and `artist:` match their field, `isrc:` the track's ISRC
   * exactly, `genre:` one of the track's artists' genres (tracks and artists only), `year:` (2026 or
   * 2025-2026) the release year, and `tag:new` albums released in the last two weeks (albums only).
   */
  private search(url: URL): SpotifyApi.SearchResponse {
    const params = url.searchParams;
    const query = (params.get('q') ?? '').toLowerCase();
    const filterPattern = /(track|artist|isrc|genre|year|tag):(?:"([^"]*)"|(\S+))/g;
    const filters = [...query.matchAll(filterPattern)].map((match) => ({ field: match[1]!, value: (match[2] ?? match[3])! }));
    const words = query.replace(filterPattern, ' ').split(/\s+/).filter(Boolean);
    const types = (params.get('type') ?? 'track').split(',');
    const inYears = (releaseDate: string, value: string) => {
      const [from, to = from] = value.split('-').map(Number);
      const year = Number(releaseDate.slice(0, 4));
      return year >= from! && year <= to!;
    };
    const genresOf = (artists: SpotifyApi.ArtistObjectSimplified[]) =>
      artists.flatMap((artist) => this.artists.get(artist.id)?.genres ?? []).map((genre) => genre.toLowerCase());
    const answer: SpotifyApi.SearchResponse = {};
    if (types.includes('track')) {
      const items = [...this.tracks.values()].filter((track) => {
        const artists = track.artists
          .map((artist) => artist.name)
          .join(' ')
          .toLowerCase();
        const title = track.name.toLowerCase();
        const everything = `${title} ${artists} ${track.album.name.toLowerCase()}`;
        const matches = ({ field, value }: { field: string; value: string }) => {
          if (field === 'isrc') return (track.external_ids?.isrc ?? '').toLowerCase() === value;
          if (field === 'genre') return genresOf(track.artists).includes(value);
          if (field === 'year') return inYears(track.album.release_date, value);
          if (field === 'tag') return false; // albums only
          return (field === 'track' ? title : artists).includes(value);
        };
        return filters.every(matches) && words.every((word) => everything.includes(word));
      });
      answer.tracks = this.page(url, items);
    }
    if (types.includes('album')) {
      const twoWeeksAgo = new Date(Date.now() - 14 * 86_400_000).toISOString().slice(0, 10);
      const items = [...this.albums.values()].filter((album) => {
        const everything = `${album.name} ${album.artists.map((artist) => artist.name).join(' ')}`.toLowerCase();
        const matches = ({ field, value }: { field: string; value: string }) => {
          if (field === 'tag') return value === 'new' && album.release_date_precision === 'day' && album.release_date >= twoWeeksAgo;
          if (field === 'year') return inYears(album.release_date, value);
          if (field === 'artist') return everything.includes(value);
          return false; // track, isrc and genre do not apply to albums
        };
        return filters.every(matches) && words.every((word) => everything.includes(word));
      });
      answer.albums = this.page(url, items.map(simplifiedAlbum));
    }
    return answer;
  }
}

function apiError(status: number, message: string): [number, nock.Body] {
  return [status, { error: { status, message } }];
}

/** A Track object as GET /v1/tracks/{id} returns it. */
export function spotifyTrack(track: Partial<SpotifyApi.TrackObjectFull> & { id: string; name: string }): SpotifyApi.TrackObjectFull {
  const albumId = `${track.id.slice(0, 21)}A`;
  return {
    album: {
      album_type: 'album',
      artists: [],
      available_markets: ['US'],
      external_urls: { spotify: `https://open.spotify.com/album/${albumId}` },
      href: `${API}/v1/albums/${albumId}`,
      id: albumId,
      name: 'Fake Album',
      images: [
        { url: `https://i.scdn.co/image/${albumId}-640`, height: 640, width: 640 },
        { url: `https://i.scdn.co/image/${albumId}-300`, height: 300, width: 300 },
      ],
      release_date: '2024-05-17',
      release_date_precision: 'day',
      total_tracks: 12,
      type: 'album',
      uri: `spotify:album:${albumId}`,
    } as SpotifyApi.AlbumObjectSimplified,
    artists: [
      {
        external_urls: { spotify: '' },
        href: '',
        id: 'artist0000000000000001',
        name: 'Fake Artist',
        type: 'artist',
        uri: 'spotify:artist:artist0000000000000001',
      },
    ],
    available_markets: ['US'],
    disc_number: 1,
    duration_ms: 201_000,
    explicit: false,
    external_ids: { isrc: 'USXXX2400001' },
    external_urls: { spotify: `https://open.spotify.com/track/${track.id}` },
    href: `${API}/v1/tracks/${track.id}`,
    is_local: false,
    popularity: 64,
    preview_url: `https://p.scdn.co/mp3-preview/${track.id}`,
    track_number: 1,
    type: 'track',
    uri: `spotify:track:${track.id}`,
    ...track,
  };
}

/** An Artist object as GET /v1/artists/{id} returns it. */
export function spotifyArtist(artist: Partial<SpotifyApi.ArtistObjectFull> & { id: string; name: string }): SpotifyApi.ArtistObjectFull {
  return {
    external_urls: { spotify: `https://open.spotify.com/artist/${artist.id}` },
    followers: { href: null, total: 125_000 },
    genres: ['indie pop'],
    href: `${API}/v1/artists/${artist.id}`,
    images: [
      { url: `https://i.scdn.co/image/${artist.id}-640`, height: 640, width: 640 },
      { url: `https://i.scdn.co/image/${artist.id}-320`, height: 320, width: 320 },
    ],
    popularity: 57,
    type: 'artist',
    uri: `spotify:artist:${artist.id}`,
    ...artist,
  };
}

/** An Album object as GET /v1/albums/{id} returns it (label and copyrights included). */
export function spotifyAlbum(album: Partial<SpotifyApi.AlbumObjectFull> & { id: string; name: string }): SpotifyApi.AlbumObjectFull {
  return {
    album_type: 'single',
    artists: [],
    available_markets: ['US'],
    copyrights: [
      { text: `© 2024 ${album.label ?? 'Fake Records'}`, type: 'C' },
      { text: `℗ 2024 ${album.label ?? 'Fake Records'}`, type: 'P' },
    ],
    external_ids: { upc: '00602455512345' },
    external_urls: { spotify: `https://open.spotify.com/album/${album.id}` },
    genres: [],
    href: `${API}/v1/albums/${album.id}`,
    images: [{ url: `https://i.scdn.co/image/${album.id}-640`, height: 640, width: 640 }],
    label: 'Fake Records',
    popularity: 51,
    release_date: '2024-05-17',
    release_date_precision: 'day',
    total_tracks: 1,
    tracks: { href: `${API}/v1/albums/${album.id}/tracks`, items: [], limit: 50, next: null, offset: 0, previous: null, total: 1 },
    type: 'album',
    uri: `spotify:album:${album.id}`,
    ...album,
  } as SpotifyApi.AlbumObjectFull;
}

/** The Simplified Album object new releases and search list (no label, copyrights or tracks). */
export function simplifiedAlbum(album: SpotifyApi.AlbumObjectFull): SpotifyApi.AlbumObjectSimplified {
  const { album_type, artists, available_markets, external_urls, href, id, images, name, release_date, release_date_precision, total_tracks, type, uri } =
    album;
  return {
    album_type,
    artists,
    available_markets,
    external_urls,
    href,
    id,
    images,
    name,
    release_date,
    release_date_precision,
    total_tracks,
    type,
    uri,
  } as SpotifyApi.AlbumObjectSimplified;
}

/** A User object as GET /v1/me returns it (with the user-read-email and user-read-private scopes). */
export function spotifyUser(user: Partial<SpotifyApi.UserObjectPrivate> & { id: string }): SpotifyApi.UserObjectPrivate {
  return {
    country: 'US',
    display_name: `Spotify user ${user.id}`,
    email: `${user.id}@example.com`,
    explicit_content: { filter_enabled: false, filter_locked: false },
    external_urls: { spotify: `https://open.spotify.com/user/${user.id}` },
    followers: { href: null, total: 12 },
    href: `${API}/v1/users/${user.id}`,
    images: [],
    product: 'premium',
    type: 'user',
    uri: `spotify:user:${user.id}`,
    ...user,
  } as SpotifyApi.UserObjectPrivate;
}

/** An Audio Features object as GET /v1/audio-features/{id} returns it. */
export function audioFeaturesOf(id: string, features: Partial<SpotifyApi.AudioFeaturesObject> = {}): SpotifyApi.AudioFeaturesObject {
  return {
    danceability: 0.735,
    energy: 0.578,
    key: 5,
    loudness: -11.84,
    mode: 0,
    speechiness: 0.0461,
    acousticness: 0.514,
    instrumentalness: 0.0902,
    liveness: 0.159,
    valence: 0.636,
    tempo: 98.002,
    type: 'audio_features',
    id,
    uri: `spotify:track:${id}`,
    track_href: `${API}/v1/tracks/${id}`,
    analysis_url: `${API}/v1/audio-analysis/${id}`,
    duration_ms: 255_349,
    time_signature: 4,
    ...features,
  };
}

export function artists(...names: string[]): SpotifyApi.ArtistObjectSimplified[] {
  return names.map((name, index) => ({
    external_urls: { spotify: '' },
    href: '',
    id: `artist${String(index).padStart(16, '0')}`,
    name,
    type: 'artist',
    uri: '',
  }));
}
