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
    /** The error body's other fields, such as `retry_after`. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const UNREACHABLE = 'Encore’s server cannot be reached. Check your connection or that the server is running, then try again.';

/** The sentence to show for an error answer: the API's own message when it has one (it names each bad field). */
export function errorMessage(status: number, body: unknown): string {
  const message = (body as { message?: unknown } | null)?.message;
  // The API tells programs how to send a token; a person just needs to sign in.
  if (status === 401 && typeof message === 'string' && message.startsWith('Sign in first')) return 'Sign in first.';
  if (typeof message === 'string' && message.trim()) return message.trim();
  if (status === 404) return 'Not found.';
  if (status >= 500) return 'Something went wrong on the server. Please try again in a moment.';
  return `The request was refused (HTTP ${status}).`;
}

export type SongQuery = { track_id: string } | { url: string } | { title: string; artist: string };

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Where the client gets the signed-in account's access token (see session.ts). */
export interface AuthProvider {
  /** The token to send, refreshed first when about to expire; null when signed out. */
  token(): Promise<string | null>;
  /** A new token after `rejected` was answered 401; null once signed out. */
  renew(rejected: string): Promise<string | null>;
}

export interface RequestOptions {
  signal?: AbortSignal;
  /** Send no token (signing in, refreshing: a stale token would be refused). */
  anonymous?: boolean;
}

/** The Encore REST API, as the web app uses it. */
export class EncoreApi {
  private auth: AuthProvider | null = null;

  constructor(
    private readonly baseUrl = '',
    private readonly fetchImpl: typeof fetch = (...args) => fetch(...args),
  ) {}

  /** Signs the client's requests with the session's token (null: anonymous). */
  setAuth(auth: AuthProvider | null): void {
    this.auth = auth;
  }

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

  /**
   * Any call of the API: a JSON or FormData body; answers the parsed JSON (undefined for 204).
   * Signed in, it sends the access token, and after a 401 renews it once and tries again.
   */
  async send<T>(method: Method, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
    return this.read<T>(await this.respond(method, path, body, options));
  }

  /**
   * A file the API answers (an export): its bytes and the name its Content-Disposition offers
   * (`fallbackName` without one). Fetched with the token, which a plain link could not send.
   */
  async download(method: Method, path: string, body: unknown, fallbackName: string): Promise<{ blob: Blob; filename: string }> {
    const response = await this.respond(method, path, body, {});
    if (!response.ok) return this.read<never>(response);
    return { blob: await response.blob(), filename: filenameFromDisposition(response.headers.get('content-disposition')) ?? fallbackName };
  }

  /** The answer to a call, signed in when there is a session: after a 401 the token is renewed once and the call tried again. */
  private async respond(method: Method, path: string, body: unknown, options: RequestOptions): Promise<Response> {
    const token = this.auth && !options.anonymous ? await this.auth.token() : null;
    const response = await this.fetchOnce(method, path, body, options.signal, token);
    if (response.status !== 401 || !token || !this.auth) return response;
    let renewed: string | null;
    try {
      renewed = await this.auth.renew(token);
    } catch {
      return response;
    }
    // Signed out by now: public endpoints still answer without a token.
    return this.fetchOnce(method, path, body, options.signal, renewed);
  }

  private request<T>(method: 'GET' | 'POST', path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
    return this.send<T>(method, path, body, { signal });
  }

  private async fetchOnce(method: Method, path: string, body: unknown, signal: AbortSignal | undefined, token: string | null): Promise<Response> {
    const form = typeof FormData !== 'undefined' && body instanceof FormData;
    try {
      return await this.fetchImpl(`${this.baseUrl}${path}`, {
        method,
        headers: {
          accept: 'application/json',
          ...(body !== undefined && !form && { 'content-type': 'application/json' }),
          ...(token && { authorization: `Bearer ${token}` }),
        },
        body: body === undefined ? undefined : form ? (body as FormData) : JSON.stringify(body),
        signal,
      });
    } catch (error) {
      if ((error as Error).name === 'AbortError') throw error;
      throw new ApiError(0, UNREACHABLE);
    }
  }

  private async read<T>(response: Response): Promise<T> {
    const text = await response.text();
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // A proxy's HTML error page, say: the status tells what happened.
    }
    if (!response.ok) {
      const { message: _message, statusCode: _statusCode, error: _error, ...details } = (parsed ?? {}) as Record<string, unknown>;
      throw new ApiError(response.status, errorMessage(response.status, parsed), typeof parsed === 'object' && parsed !== null ? details : {});
    }
    if (response.status === 204) return undefined as T;
    if (parsed === null) throw new ApiError(response.status, 'The server sent an answer Encore could not read. Please try again.');
    return parsed as T;
  }
}

/** The file name a Content-Disposition header offers (`filename*=UTF-8''…` before `filename=`), or null; only its last path segment. */
export function filenameFromDisposition(header: string | null): string | null {
  if (!header) return null;
  const plain = /filename\s*=\s*(?:"([^"]*)"|([^;\s]+))/i.exec(header);
  let name = plain ? (plain[1] ?? plain[2]) : undefined;
  const encoded = /filename\*\s*=\s*UTF-8''([^;\s]+)/i.exec(header)?.[1];
  if (encoded) {
    try {
      name = decodeURIComponent(encoded);
    } catch {
      // A malformed encoding: the plain name, if any.
    }
  }
  return name?.split(/[\\/]/).pop()?.trim() || null;
}

/** Query string of the defined parameters. */
export function toQuery(params: Record<string, string | number | boolean | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') search.set(key, String(value));
  return search.toString();
}

export const api = new EncoreApi();
