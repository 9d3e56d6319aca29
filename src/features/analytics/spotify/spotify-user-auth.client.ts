import { Injectable, Logger } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import type SpotifyWebApi from 'spotify-web-api-node';
import { AppConfig } from '../../../platform/config/app-config.js';
import { decideRetry, parseRetryAfter, type CallFailure } from '../../../platform/common/retry-policy.js';
import { loadSpotifyWebApi, SpotifyUnavailableError, withDeadline } from '../../spotify/spotify-client.js';

/** What the connection asks of the Spotify account: who it is (id, display name). */
export const SPOTIFY_SCOPES = ['user-read-email', 'user-read-private'] as const;
const AUTHORIZE_URL = 'https://accounts.spotify.com/authorize';
const RETRY_BASE_DELAY_MS = 250;
const MAX_RETRY_AFTER_MS = 30_000;

/** Tokens from Spotify's token endpoint (authorization code or refresh). */
export interface UserTokenGrant {
  accessToken: string;
  /** Null when a refresh answers none: the old refresh token stays good. */
  refreshToken: string | null;
  expiresInSeconds: number;
  scope: string | null;
}

export interface SpotifyUserProfile {
  id: string;
  displayName: string | null;
}

/**
 * Spotify refused what was sent: the grant (`invalid_grant`: a used or expired code, a revoked
 * refresh token), the app (`invalid_client`), or the user's access token (`invalid_token`, a 401).
 * Retrying the same request will not help.
 */
export class SpotifyGrantRefusedError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

interface SpotifyErrorLike {
  statusCode?: number;
  headers?: Record<string, string>;
  body?: { error?: string | { message?: string }; error_description?: string };
}

/**
 * The user side of Spotify's OAuth (authorization-code flow) through spotify-web-api-node: the
 * authorize URL, code exchange, refresh and /v1/me with the user's token. Each call gets
 * SPOTIFY_TIMEOUT_MS and retries 5xx answers, network errors, timeouts and 429s like SpotifyClient.
 */
@Injectable()
export class SpotifyUserAuthClient {
  private readonly logger = new Logger(SpotifyUserAuthClient.name);

  constructor(private readonly config: AppConfig) {}

  get configured(): boolean {
    return this.config.spotifyConfigured;
  }

  get redirectUri(): string {
    return this.config.SPOTIFY_REDIRECT_URI;
  }

  /**
   * Spotify's authorize page for this app. Built here rather than with the library's
   * createAuthorizeURL, which puts the values in the query without encoding them (a redirect URI
   * with its own query string would break it).
   */
  authorizeUrl(state: string): string {
    const url = new URL(AUTHORIZE_URL);
    url.search = new URLSearchParams({
      client_id: this.config.SPOTIFY_CLIENT_ID ?? '',
      response_type: 'code',
      redirect_uri: this.redirectUri,
      scope: SPOTIFY_SCOPES.join(' '),
      state,
    }).toString();
    return url.toString();
  }

  async exchangeCode(code: string): Promise<UserTokenGrant> {
    const api = await this.api();
    return toGrant(await this.send('authorization code', () => api.authorizationCodeGrant(code)));
  }

  async refresh(refreshToken: string): Promise<UserTokenGrant> {
    const api = await this.api();
    api.setRefreshToken(refreshToken);
    return toGrant(await this.send('token refresh', () => api.refreshAccessToken()));
  }

  async me(accessToken: string): Promise<SpotifyUserProfile> {
    const api = await this.api();
    api.setAccessToken(accessToken);
    const user = await this.send('current user', () => api.getMe());
    if (typeof user?.id !== 'string') throw new SpotifyUnavailableError('Spotify current user: malformed response (no id)');
    return { id: user.id, displayName: typeof user.display_name === 'string' ? user.display_name : null };
  }

  private async api(): Promise<SpotifyWebApi> {
    const SpotifyWebApi = await loadSpotifyWebApi();
    return new SpotifyWebApi({ clientId: this.config.SPOTIFY_CLIENT_ID, clientSecret: this.config.SPOTIFY_CLIENT_SECRET, redirectUri: this.redirectUri });
  }

  private async send<T>(what: string, request: () => Promise<{ body: T }>): Promise<T> {
    if (!this.configured) throw new SpotifyUnavailableError('Spotify is not configured (set SPOTIFY_CLIENT_ID and SPOTIFY_CLIENT_SECRET)');
    for (let attempt = 0; ; attempt++) {
      try {
        return (await withDeadline(request(), this.config.SPOTIFY_TIMEOUT_MS)).body;
      } catch (error) {
        const { statusCode, headers, body } = (error ?? {}) as SpotifyErrorLike;
        if (typeof statusCode === 'number' && statusCode < 500 && statusCode !== 429) throw refusal(what, statusCode, body);
        const failure: CallFailure =
          typeof statusCode === 'number'
            ? { status: statusCode, retryAfterSeconds: statusCode === 429 ? parseRetryAfter(headers?.['retry-after']) : undefined }
            : { noResponse: true };
        const decision = decideRetry(failure, attempt, {
          maxRetries: this.config.SPOTIFY_MAX_RETRIES,
          baseDelayMs: RETRY_BASE_DELAY_MS,
          maxRetryAfterMs: MAX_RETRY_AFTER_MS,
        });
        const reason = statusCode ? `HTTP ${statusCode}` : String((error as Error)?.message ?? error);
        if (!decision.retry) throw new SpotifyUnavailableError(`Spotify ${what} failed after ${attempt + 1} attempt(s): ${reason}`);
        this.logger.warn(`Spotify ${what}: ${reason}; retry ${attempt + 1} in ${decision.delayMs} ms`);
        if (decision.delayMs > 0) await sleep(decision.delayMs);
      }
    }
  }
}

/** A 4xx from the accounts service (`{"error": "invalid_grant", "error_description"}`) or the Web API (`{"error": {"status", "message"}}`). */
function refusal(what: string, status: number, body: SpotifyErrorLike['body']): SpotifyGrantRefusedError {
  if (typeof body?.error === 'string') {
    return new SpotifyGrantRefusedError(body.error, `Spotify ${what}: ${body.error}${body.error_description ? ` (${body.error_description})` : ''}`);
  }
  const message = typeof body?.error === 'object' && body.error?.message ? body.error.message : `HTTP ${status}`;
  const code = status === 401 ? 'invalid_token' : status === 403 ? 'forbidden' : `http_${status}`;
  return new SpotifyGrantRefusedError(code, `Spotify ${what}: HTTP ${status} (${message})`);
}

function toGrant(body: { access_token?: unknown; refresh_token?: unknown; expires_in?: unknown; scope?: unknown }): UserTokenGrant {
  if (typeof body?.access_token !== 'string' || typeof body.expires_in !== 'number' || !Number.isFinite(body.expires_in)) {
    throw new SpotifyUnavailableError('Spotify token response without access_token or expires_in');
  }
  return {
    accessToken: body.access_token,
    refreshToken: typeof body.refresh_token === 'string' && body.refresh_token.length > 0 ? body.refresh_token : null,
    expiresInSeconds: body.expires_in,
    scope: typeof body.scope === 'string' ? body.scope : null,
  };
}
