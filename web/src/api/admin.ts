import type { Account, Role } from '../lib/session.js';
import type { Listing } from './catalog-types.js';
import { api, toQuery, type EncoreApi } from './client.js';

/** GET /api/admin/songs: a song of the dataset table (the fields the admin pages use). */
/** The audio features an admin edits, as the API names them (the songs API's ranges apply). */
export const ADMIN_AUDIO_FEATURES = [
  'danceability', 'energy', 'valence', 'acousticness', 'instrumentalness', 'speechiness', 'liveness',
  'loudness', 'tempo', 'duration_ms', 'mode', 'key', 'time_signature',
] as const;

export type AdminAudioFeature = (typeof ADMIN_AUDIO_FEATURES)[number];

export interface AdminSong extends Record<AdminAudioFeature, number> {
  id: number;
  track_id: string | null;
  track_name: string;
  artists: string;
  album_name: string | null;
  popularity: number | null;
  track_genre: string | null;
  explicit: boolean;
  is_acoustic: boolean;
  is_instrumental: boolean;
  is_hit: boolean;
  hit_source: 'popularity' | 'label';
  dataset: string | null;
  /** Generated demo data: invented, not real (`npm run cli -- demo remove` deletes it). */
  demo: boolean;
  prediction_count: number;
  created_at: string;
}

export type AdminSongChanges = Partial<Pick<AdminSong, 'track_name' | 'artists' | 'album_name' | 'track_genre' | 'explicit' | 'is_hit' | 'is_acoustic' | 'is_instrumental'>> & {
  popularity?: number | null | string;
} & Partial<Record<AdminAudioFeature, number | string>>;

/** GET /api/admin/predictions (booleans as stored: true = HIT). */
export interface AdminPrediction {
  id: number;
  song: { id: number; track_name: string; artists: string; demo: boolean };
  is_hit: boolean;
  confidence: number;
  model_prediction: boolean;
  model_confidence: number;
  model_version: string;
  in_dataset: boolean;
  adjusted_by_dataset: boolean;
  created_at: string;
}

export interface AdminStats {
  songs: number;
  song_hits: number;
  predictions: number;
  users: { total: number; user: number; artist: number; admin: number };
  artists: number;
  catalog_songs: number;
}

type Query = Record<string, string | number>;

/** /api/admin/*: songs, predictions and accounts for admins. */
export class AdminApi {
  constructor(private readonly client: EncoreApi = api) {}

  stats(signal?: AbortSignal): Promise<AdminStats> {
    return this.client.send('GET', '/api/admin/stats', undefined, { signal });
  }

  songs(query: Query, signal?: AbortSignal): Promise<Listing<AdminSong>> {
    return this.client.send('GET', `/api/admin/songs?${toQuery(query)}`, undefined, { signal });
  }

  updateSong(id: number, changes: AdminSongChanges): Promise<AdminSong> {
    return this.client.send('PATCH', `/api/admin/songs/${id}`, changes);
  }

  deleteSong(id: number): Promise<void> {
    return this.client.send('DELETE', `/api/admin/songs/${id}`);
  }

  predictions(query: Query, signal?: AbortSignal): Promise<Listing<AdminPrediction>> {
    return this.client.send('GET', `/api/admin/predictions?${toQuery(query)}`, undefined, { signal });
  }

  correctPrediction(id: number, isHit: boolean): Promise<AdminPrediction> {
    return this.client.send('PATCH', `/api/admin/predictions/${id}`, { is_hit: isHit });
  }

  deletePrediction(id: number): Promise<void> {
    return this.client.send('DELETE', `/api/admin/predictions/${id}`);
  }

  users(query: Query, signal?: AbortSignal): Promise<Listing<Account>> {
    return this.client.send('GET', `/api/admin/users?${toQuery(query)}`, undefined, { signal });
  }

  updateUser(id: string, changes: { role?: Role; display_name?: string }): Promise<Account> {
    return this.client.send('PATCH', `/api/admin/users/${id}`, changes);
  }

  deleteUser(id: string): Promise<void> {
    return this.client.send('DELETE', `/api/admin/users/${id}`);
  }
}

export const adminApi = new AdminApi();
