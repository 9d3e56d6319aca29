import type { Account, Role } from '../../lib/session.js';
import type { Listing } from '../../api/catalog-types.js';
import { api, toQuery, type EncoreApi } from '../../api/client.js';
import type { Schema } from '../../api/schema.js';

/** The audio features an admin edits, as the API names them (the songs API's ranges apply). */
export const ADMIN_AUDIO_FEATURES = [
  'danceability',
  'energy',
  'valence',
  'acousticness',
  'instrumentalness',
  'speechiness',
  'liveness',
  'loudness',
  'tempo',
  'duration_ms',
  'mode',
  'key',
  'time_signature',
] as const;

export type AdminAudioFeature = (typeof ADMIN_AUDIO_FEATURES)[number];

/** GET /api/admin/songs: a song of the dataset table. */
export type AdminSong = Schema<'AdminSongDto'>;

// Looser than UpdateAdminSongDto on purpose: a number the form cannot read goes as typed, for the server's 400 to name the field.
export type AdminSongChanges = Omit<Schema<'UpdateAdminSongDto'>, 'popularity' | AdminAudioFeature> & {
  popularity?: number | null | string;
} & Partial<Record<AdminAudioFeature, number | string>>;

/** GET /api/admin/predictions (booleans as stored: true = HIT). */
export type AdminPrediction = Schema<'AdminPredictionDto'>;

export type AdminStats = Schema<'AdminStatsDto'>;

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
