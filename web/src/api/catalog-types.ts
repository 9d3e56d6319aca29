/** The catalog, accounts-adjacent and player shapes of the API (see src/catalog/dto and src/subscriptions/dto). */

export interface Ref {
  id: string;
  name: string;
}

/** A page of a listing, with links to its neighbours. */
export interface Listing<T> {
  count: number;
  page: number;
  page_size: number;
  next?: string | null;
  previous?: string | null;
  results: T[];
}

/** GET /api/songs/:id and every song list. */
export interface CatalogSong {
  id: string;
  title: string;
  artist: Ref;
  album: { id: string; title: string } | null;
  genres: string[];
  release_date: string | null;
  visibility: 'public' | 'private';
  duration_ms: number;
  format: string;
  mime_type: string;
  size_bytes: number;
  bitrate_kbps: number | null;
  play_count: number;
  like_count: number;
  stream_url: string;
  /** Generated demo data: invented, not real (`npm run cli -- demo remove` deletes it). */
  demo: boolean;
  created_at: string;
  updated_at: string;
}

export type TrendingRange = 'week' | 'month' | 'all';

export interface TrendingSong extends CatalogSong {
  trending: { score: number; plays: number; likes: number };
}

export interface AlbumRef {
  id: string;
  title: string;
  artist: Ref;
  release_date: string | null;
  cover_url: string | null;
  /** Generated demo data: invented, not real (`npm run cli -- demo remove` deletes it). */
  demo: boolean;
}

/** GET /api/albums/:id */
export interface Album extends AlbumRef {
  description: string;
  song_count: number;
  created_at: string;
}

/** GET /api/artists */
export interface Artist extends Ref {
  bio: string;
  follower_count: number;
  /** Generated demo data: invented, not real (`npm run cli -- demo remove` deletes it). */
  demo: boolean;
}

/** GET /api/artists/:id/profile */
export interface ArtistProfile extends Artist {
  song_count: number;
  album_count: number;
  total_plays: number;
  total_likes: number;
  following: boolean | null;
}

export interface Genre {
  id: number;
  name: string;
  song_count: number;
}

/** GET /api/songs/search */
export interface CatalogSearch {
  query: string;
  songs: CatalogSong[];
  albums: AlbumRef[];
  artists: Array<Ref & { demo: boolean }>;
  genres: Array<{ id: number; name: string }>;
}

export interface LikeState {
  song_id: string;
  liked: boolean;
  like_count: number;
}

/** POST /api/player/skip */
export interface SkipResult {
  skips_left: number | null;
  plan: string;
}

/** A plan as GET /api/subscriptions lists it (the parts the app shows). */
export interface PlanSummary {
  code: string;
  name: string;
  description: string;
  /** Monthly, in cents (USD). */
  price_cents: number;
  max_members: number;
  skips_per_hour: number | null;
}

/** GET /api/subscriptions */
export interface PlanList {
  count: number;
  /** true: plans are bought on Stripe Checkout; false: subscribing starts them directly (no payments on this server). */
  checkout: boolean;
  trial_days: number;
  results: PlanSummary[];
}

/** An invitation to a duo or family plan (InvitationDto in src/subscriptions/dto). */
export interface PlanInvitation {
  id: string;
  status: 'pending' | 'accepted' | 'declined' | 'canceled' | 'expired';
  /** The address the owner invited: one of email and username. */
  email: string | null;
  username: string | null;
  owner: UserRef;
  plan: PlanSummary;
  created_at: string;
  expires_at: string;
}

/** GET /api/subscriptions/me (MySubscriptionDto in src/subscriptions/dto; the parts the app shows). */
export interface MySubscription {
  plan: PlanSummary;
  role: 'owner' | 'member' | null;
  status: 'trialing' | 'active' | 'past_due' | 'canceled' | 'expired' | null;
  /** The plan subscribed to, even once it no longer gives its features. */
  subscribed_plan: string | null;
  /** Who bills it: stripe, or manual (nothing charged). */
  provider: string | null;
  current_period_end: string | null;
  cancel_at_period_end: boolean;
  owner: UserRef | null;
  members: Array<UserRef & { added_at: string }>;
  /** The owner's pending invitations; empty for anyone else. */
  invitations: PlanInvitation[];
  skips_left: number | null;
}

/** Fields of POST /api/songs besides the audio file. */
export interface SongUpload {
  title: string;
  album_id?: string;
  genres?: string;
  release_date?: string;
  visibility: 'public' | 'private';
}

export interface UserRef {
  id: string;
  username: string;
  display_name: string;
}

/** GET /api/playlists/:id */
export interface Playlist {
  id: string;
  name: string;
  description: string;
  visibility: 'public' | 'private';
  collaborative: boolean;
  owner: UserRef;
  collaborators: UserRef[];
  song_count: number;
  duration_ms: number;
  /** The owner's, collaborators' and admins' link: /api/playlists/shared/<token>. */
  share_url: string | null;
  created_at: string;
  updated_at: string;
}

/** An entry of a playlist: the same song may be there more than once. */
export interface PlaylistItem {
  id: number;
  position: number;
  added_at: string;
  added_by: UserRef | null;
  song: CatalogSong;
}

export interface PlaylistFields {
  name: string;
  description?: string;
  visibility?: 'public' | 'private';
  collaborative?: boolean;
}
