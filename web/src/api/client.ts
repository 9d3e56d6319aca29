import type { Features } from '../lib/features.js';
import type {
  CustomerGenreAnswer,
  FeatureAverages,
  GenreAnswer,
  GenreModelCard,
  GenreProfile,
  ManualPrediction,
  ModelCard,
  Page,
  PredictionFilters,
  SearchHit,
  SongPrediction,
  SongSummary,
  StoredPrediction,
} from './types.js';

/** A failed API call, with a message a person can read. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const UNREACHABLE = 'Encore’s server cannot be reached. Check your connection or that the server is running, then try again.';

/** The sentence to show for an error answer: the API's own message when it has one (it names each bad field). */
export function errorMessage(status: number, body: unknown): string {
  const message = (body as { message?: unknown } | null)?.message;
  if (typeof message === 'string' && message.trim()) return message.trim();
  if (status === 404) return 'Not found.';
  if (status >= 500) return 'Something went wrong on the server. Please try again in a moment.';
  return `The request was refused (HTTP ${status}).`;
}

export type SongQuery = { track_id: string } | { url: string } | { title: string; artist: string };

/** The Encore REST API, as the web app uses it. */
export class EncoreApi {
  constructor(
    private readonly baseUrl = '',
    private readonly fetchImpl: typeof fetch = (...args) => fetch(...args),
  ) {}

  predictSong(query: SongQuery): Promise<SongPrediction> {
    return this.request('POST', '/api/predict/spotify/', query);
  }

  predictManual(features: Features, signal?: AbortSignal): Promise<ManualPrediction> {
    return this.request('POST', '/api/predict/manual/', features, signal);
  }

  searchDataset(query: string, limit: number, signal?: AbortSignal): Promise<{ songs: SearchHit[] }> {
    return this.request('POST', '/api/dataset/search/', { query, limit }, signal);
  }

  songs(params: Record<string, string | number | boolean>): Promise<Page<SongSummary>> {
    return this.request('GET', `/api/dataset/songs?${toQuery(params)}`);
  }

  featureAverages(): Promise<FeatureAverages> {
    return this.request('GET', '/api/dataset/songs/averages');
  }

  predictions(filters: PredictionFilters, signal?: AbortSignal): Promise<Page<StoredPrediction>> {
    return this.request('GET', `/api/predictions?${toQuery({ ...filters })}`, undefined, signal);
  }

  prediction(id: number): Promise<StoredPrediction> {
    return this.request('GET', `/api/predictions/${id}`);
  }

  predictGenre(profile: Partial<GenreProfile>, signal?: AbortSignal): Promise<GenreAnswer> {
    return this.request('POST', '/api/predict-genre', profile, signal);
  }

  customerGenre(id: number): Promise<CustomerGenreAnswer> {
    return this.request('GET', `/api/genre/customers/${id}/prediction`);
  }

  genreModel(): Promise<GenreModelCard> {
    return this.request('GET', '/api/genre/model');
  }

  activeModel(): Promise<ModelCard> {
    return this.request('GET', '/api/models/active');
  }

  private async request<T>(method: 'GET' | 'POST', path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
    let response: Response;
    try {
      response = await this.fetchImpl(`${this.baseUrl}${path}`, {
        method,
        headers: { accept: 'application/json', ...(body !== undefined && { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal,
      });
    } catch (error) {
      if ((error as Error).name === 'AbortError') throw error;
      throw new ApiError(0, UNREACHABLE);
    }
    const text = await response.text();
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // A proxy's HTML error page, say: the status tells what happened.
    }
    if (!response.ok) throw new ApiError(response.status, errorMessage(response.status, parsed));
    if (parsed === null) throw new ApiError(response.status, 'The server sent an answer Encore could not read. Please try again.');
    return parsed as T;
  }
}

/** Query string of the defined parameters. */
export function toQuery(params: Record<string, string | number | boolean | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') search.set(key, String(value));
  return search.toString();
}

export const api = new EncoreApi();
