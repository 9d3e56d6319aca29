/** The catalog, accounts-adjacent and player shapes of the API, as its OpenAPI document describes them (src/features/catalog/dto, src/features/playlists/dto, src/features/subscriptions/dto). */
import type { Schema } from './schema.js';

export type Ref = Schema<'ArtistRefDto'>;

/** A page of a listing, with links to its neighbours: the generic form of the document's *PageDto schemas. */
export interface Listing<T> {
  count: number;
  page: number;
  page_size: number;
  next?: string | null;
  previous?: string | null;
  results: T[];
}

/** GET /api/songs/:id and every song list. */
export type CatalogSong = Schema<'CatalogSongDto'>;

export type TrendingRange = 'week' | 'month' | 'all';

// GET /api/songs/trending has no response schema in the document.
export interface TrendingSong extends CatalogSong {
  trending: { score: number; plays: number; likes: number };
}

export type AlbumRef = Pick<Album, 'id' | 'title' | 'artist' | 'release_date' | 'cover_url' | 'demo'>;

/** GET /api/albums/:id */
export type Album = Schema<'AlbumDto'>;

/** GET /api/artists */
export type Artist = Schema<'ArtistDto'>;

/** GET /api/artists/:id/profile */
export type ArtistProfile = Schema<'ArtistProfileDto'>;

// GET /api/genres has no response schema in the document.
export interface Genre {
  id: number;
  name: string;
  song_count: number;
}

// GET /api/songs/search has no response schema in the document.
export interface CatalogSearch {
  query: string;
  songs: CatalogSong[];
  albums: AlbumRef[];
  artists: Array<Ref & { demo: boolean }>;
  genres: Array<{ id: number; name: string }>;
}

// POST /api/songs/:id/like has no response schema in the document.
export interface LikeState {
  song_id: string;
  liked: boolean;
  like_count: number;
}

/** POST /api/player/skip */
export type SkipResult = Schema<'SkipResultDto'>;

/** A plan as GET /api/subscriptions lists it. */
export type PlanSummary = Schema<'PlanDto'>;

/** GET /api/subscriptions */
export type PlanList = Schema<'PlansDto'>;

/** An invitation to a duo or family plan. */
export type PlanInvitation = Schema<'InvitationDto'>;

/** GET /api/subscriptions/me */
export type MySubscription = Schema<'MySubscriptionDto'>;

// The document's CreateSongFormDto describes the multipart form (genres an array, the audio a part); the app sends genres comma-separated.
export interface SongUpload {
  title: string;
  album_id?: string;
  genres?: string;
  release_date?: string;
  visibility: 'public' | 'private';
}

export type UserRef = Schema<'UserRefDto'>;

/** GET /api/playlists/:id */
export type Playlist = Schema<'PlaylistDto'>;

/** An entry of a playlist: the same song may be there more than once. */
export type PlaylistItem = Schema<'PlaylistItemDto'>;

export type PlaylistFields = Schema<'CreatePlaylistDto'>;
