import type { Account, SessionAnswer } from '../lib/session.js';
import type {
  Album,
  Artist,
  ArtistProfile,
  CatalogSearch,
  CatalogSong,
  Genre,
  LikeState,
  Listing,
  MySubscription,
  PlanInvitation,
  PlanList,
  Playlist,
  PlaylistFields,
  PlaylistItem,
  SkipResult,
  SongUpload,
  TrendingRange,
  TrendingSong,
} from './catalog-types.js';
import { api, toQuery, type EncoreApi } from './client.js';

type Params = Record<string, string | number | boolean | undefined>;

/** Accounts, catalog and player calls of the API, on the app's client (which signs them). */
export class CatalogApi {
  constructor(private readonly client: EncoreApi = api) {}

  register(fields: { email: string; username: string; password: string; role: 'user' | 'artist'; display_name?: string }): Promise<SessionAnswer> {
    return this.client.send('POST', '/api/users', fields, { anonymous: true });
  }

  login(login: string, password: string): Promise<SessionAnswer> {
    return this.client.send('POST', '/api/login', { login, password }, { anonymous: true });
  }

  refresh(refreshToken: string): Promise<SessionAnswer> {
    return this.client.send('POST', '/api/auth/refresh', { refresh_token: refreshToken }, { anonymous: true });
  }

  logout(refreshToken: string): Promise<void> {
    return this.client.send('POST', '/api/logout', { refresh_token: refreshToken });
  }

  me(signal?: AbortSignal): Promise<Account> {
    return this.client.send('GET', '/api/auth/me', undefined, { signal });
  }

  songs(params: Params, signal?: AbortSignal): Promise<Listing<CatalogSong>> {
    return this.get(`/api/songs`, params, signal);
  }

  trending(range: TrendingRange, params: Params, signal?: AbortSignal): Promise<Listing<TrendingSong>> {
    return this.get('/api/songs/trending', { time_range: range, ...params }, signal);
  }

  search(q: string, limit: number, signal?: AbortSignal): Promise<CatalogSearch> {
    return this.get('/api/songs/search', { q, limit }, signal);
  }

  recommendations(limit: number, signal?: AbortSignal): Promise<{ source: 'history' | 'trending'; results: CatalogSong[] }> {
    return this.get('/api/songs/recommendations', { limit }, signal);
  }

  favorites(params: Params, signal?: AbortSignal): Promise<Listing<CatalogSong>> {
    return this.get('/api/songs/favorites', params, signal);
  }

  recentlyPlayed(limit: number, signal?: AbortSignal): Promise<{ results: Array<CatalogSong & { played_at: string }> }> {
    return this.get('/api/songs/recently_played', { limit }, signal);
  }

  like(id: string, liked: boolean): Promise<LikeState> {
    return this.client.send('POST', `/api/songs/${id}/${liked ? 'like' : 'unlike'}`);
  }

  favorite(id: string, favorite: boolean): Promise<{ song_id: string; favorite: boolean }> {
    return this.client.send(favorite ? 'POST' : 'DELETE', `/api/songs/${id}/favorite`);
  }

  play(id: string): Promise<{ song_id: string; play_count: number }> {
    return this.client.send('POST', `/api/songs/${id}/play`);
  }

  upload(fields: SongUpload, audio: File): Promise<CatalogSong> {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) if (value) form.set(name, value);
    form.set('audio', audio);
    return this.client.send('POST', '/api/songs', form);
  }

  albums(params: Params, signal?: AbortSignal): Promise<Listing<Album>> {
    return this.get('/api/albums', params, signal);
  }

  album(id: string, signal?: AbortSignal): Promise<Album> {
    return this.client.send('GET', `/api/albums/${encodeURIComponent(id)}`, undefined, { signal });
  }

  albumSongs(id: string, params: Params, signal?: AbortSignal): Promise<Listing<CatalogSong>> {
    return this.get(`/api/albums/${encodeURIComponent(id)}/songs`, params, signal);
  }

  favoriteAlbums(params: Params, signal?: AbortSignal): Promise<Listing<Album>> {
    return this.get('/api/albums/favorites', params, signal);
  }

  favoriteAlbum(id: string, favorite: boolean): Promise<{ album_id: string; favorite: boolean }> {
    return this.client.send(favorite ? 'POST' : 'DELETE', `/api/albums/${id}/favorite`);
  }

  createAlbum(fields: { title: string; release_date?: string }, cover: File | null): Promise<Album> {
    const form = new FormData();
    form.set('title', fields.title);
    if (fields.release_date) form.set('release_date', fields.release_date);
    if (cover) form.set('cover', cover);
    return this.client.send('POST', '/api/albums', form);
  }

  artistProfile(id: string, signal?: AbortSignal): Promise<ArtistProfile> {
    return this.client.send('GET', `/api/artists/${encodeURIComponent(id)}/profile`, undefined, { signal });
  }

  artistSongs(id: string, params: Params, signal?: AbortSignal): Promise<Listing<CatalogSong>> {
    return this.get(`/api/artists/${encodeURIComponent(id)}/songs`, params, signal);
  }

  following(params: Params, signal?: AbortSignal): Promise<Listing<Artist>> {
    return this.get('/api/artists/following', params, signal);
  }

  follow(id: string, follow: boolean): Promise<{ artist_id: string; following: boolean; follower_count: number }> {
    return this.client.send('POST', `/api/artists/${id}/${follow ? 'follow' : 'unfollow'}`);
  }

  genres(signal?: AbortSignal): Promise<{ results: Genre[] }> {
    return this.client.send('GET', '/api/genres', undefined, { signal });
  }

  skip(songId: string): Promise<SkipResult> {
    return this.client.send('POST', '/api/player/skip', { song_id: songId });
  }

  subscription(signal?: AbortSignal): Promise<MySubscription> {
    return this.client.send('GET', '/api/subscriptions/me', undefined, { signal });
  }

  plans(signal?: AbortSignal): Promise<PlanList> {
    return this.client.send('GET', '/api/subscriptions', undefined, { signal });
  }

  /** Starts a plan directly: servers without Stripe (development), where nothing is charged. */
  subscribe(plan: string): Promise<MySubscription> {
    return this.client.send('POST', '/api/subscriptions/subscribe', { plan });
  }

  /** The address of Stripe's Checkout page for `plan`; the plan starts once Stripe confirms the payment. */
  checkout(plan: string): Promise<{ url: string }> {
    return this.client.send('POST', '/api/subscriptions/checkout', { plan });
  }

  /** The address of Stripe's billing portal, to change the card or plan, or cancel. */
  billingPortal(): Promise<{ url: string }> {
    return this.client.send('POST', '/api/subscriptions/portal');
  }

  /** Invites an email address or a username (an address with "@" is taken as an email). */
  inviteToPlan(address: string): Promise<MySubscription> {
    return this.client.send('POST', '/api/subscriptions/members', address.includes('@') ? { email: address } : { username: address });
  }

  planInvitations(signal?: AbortSignal): Promise<{ count: number; results: PlanInvitation[] }> {
    return this.client.send('GET', '/api/subscriptions/invitations', undefined, { signal });
  }

  acceptInvitation(id: string): Promise<MySubscription> {
    return this.client.send('POST', `/api/subscriptions/invitations/${encodeURIComponent(id)}/accept`);
  }

  declineInvitation(id: string): Promise<void> {
    return this.client.send('POST', `/api/subscriptions/invitations/${encodeURIComponent(id)}/decline`);
  }

  cancelInvitation(id: string): Promise<void> {
    return this.client.send('DELETE', `/api/subscriptions/invitations/${encodeURIComponent(id)}`);
  }

  /** The owner removes a member, or a member removes themselves (leaves). */
  removeMember(userId: string): Promise<void> {
    return this.client.send('DELETE', `/api/subscriptions/members/${encodeURIComponent(userId)}`);
  }

  myPlaylists(params: Params, signal?: AbortSignal): Promise<Listing<Playlist>> {
    return this.get('/api/playlists', params, signal);
  }

  publicPlaylists(params: Params, signal?: AbortSignal): Promise<Listing<Playlist>> {
    return this.get('/api/playlists/public', params, signal);
  }

  createPlaylist(fields: PlaylistFields): Promise<Playlist> {
    return this.client.send('POST', '/api/playlists', fields);
  }

  playlist(id: string, signal?: AbortSignal): Promise<Playlist> {
    return this.client.send('GET', `/api/playlists/${encodeURIComponent(id)}`, undefined, { signal });
  }

  updatePlaylist(id: string, fields: Partial<PlaylistFields>): Promise<Playlist> {
    return this.client.send('PUT', `/api/playlists/${id}`, fields);
  }

  deletePlaylist(id: string): Promise<void> {
    return this.client.send('DELETE', `/api/playlists/${id}`);
  }

  playlistSongs(id: string, params: Params, signal?: AbortSignal): Promise<Listing<PlaylistItem>> {
    return this.get(`/api/playlists/${encodeURIComponent(id)}/songs`, params, signal);
  }

  addToPlaylist(id: string, songId: string): Promise<PlaylistItem> {
    return this.client.send('POST', `/api/playlists/${id}/songs`, { song_id: songId });
  }

  removeFromPlaylist(id: string, itemId: number): Promise<void> {
    return this.client.send('DELETE', `/api/playlists/${id}/songs/${itemId}`);
  }

  reorderPlaylist(id: string, move: { item_id: number; position: number }): Promise<PlaylistItem> {
    return this.client.send('POST', `/api/playlists/${id}/reorder`, move);
  }

  resetShareLink(id: string): Promise<Playlist> {
    return this.client.send('POST', `/api/playlists/${id}/share/reset`);
  }

  sharedPlaylist(token: string, signal?: AbortSignal): Promise<Playlist> {
    return this.client.send('GET', `/api/playlists/shared/${encodeURIComponent(token)}`, undefined, { signal });
  }

  sharedPlaylistSongs(token: string, params: Params, signal?: AbortSignal): Promise<Listing<PlaylistItem>> {
    return this.get(`/api/playlists/shared/${encodeURIComponent(token)}/songs`, params, signal);
  }

  joinPlaylist(token: string): Promise<Playlist> {
    return this.client.send('POST', `/api/playlists/shared/${encodeURIComponent(token)}/join`);
  }

  private get<T>(path: string, params: Params, signal?: AbortSignal): Promise<T> {
    const query = toQuery(params);
    return this.client.send('GET', query ? `${path}?${query}` : path, undefined, { signal });
  }
}

export const catalogApi = new CatalogApi();
