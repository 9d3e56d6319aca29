import { BadRequestException, ConflictException, Injectable, Logger, NotFoundException, ServiceUnavailableException } from '@nestjs/common';
import type { AuthUser } from '../../../platform/auth/auth-user.js';
import { AppConfig } from '../../../platform/config/app-config.js';
import { PrismaService } from '../../../platform/database/prisma.service.js';
import type { SpotifyConnection } from '../../../generated/prisma/client.js';
import { SpotifyUnavailableError } from '../../spotify/spotify-client.js';
import { ArtistAccessService } from '../artist-access.service.js';
import { TokenCipher, TokenDecryptionError } from '../connectors/token-cipher.js';
import type { ConnectedDto, DisconnectedDto, SpotifyStatusDto } from './spotify.dto.js';
import { InvalidOAuthStateError, SpotifyOAuthStateService } from './spotify-oauth-state.js';
import { SpotifyGrantRefusedError, SpotifyUserAuthClient, type UserTokenGrant } from './spotify-user-auth.client.js';

/** Any use of a connection refreshes its token first when it expires within this. */
export const USE_REFRESH_MARGIN_MS = 30 * 60_000;
/**
 * The hourly refresh job refreshes every connection expiring within this: a token expiring at E
 * is first seen by the run at some t in [E - 90 min, E - 30 min) (the run before, an hour
 * earlier, was before E - 90 min), so it is always refreshed 30 minutes or more before it expires.
 */
export const JOB_REFRESH_WINDOW_MS = 90 * 60_000;
/** last_error of a connection Spotify no longer accepts: only connecting again helps. */
export const RECONNECT_REQUIRED = 'reconnect required: ';
const NO_REVOKE_NOTICE =
  'The tokens were deleted from Encore. Spotify has no endpoint to revoke them: to withdraw the access itself, remove the app at https://www.spotify.com/account/apps/.';

/** Where the browser goes after connecting (a page of the web app). */
export const connectedPage = (artistId: string) => `/analytics/${artistId}?spotify=connected`;

const sealContext = (artistId: string, which: 'access' | 'refresh') => `spotify:${artistId}:${which}`;

export interface RefreshRunResult {
  refreshed: number;
  failed: number;
  /** Connections skipped because Spotify refused their grant before: they need reconnecting. */
  needs_reconnect: number;
  errors: Array<{ artist_id: string; error: string }>;
}

type RefreshOutcome = { ok: true; connection: SpotifyConnection } | { ok: false; error: Error };

/**
 * Spotify accounts connected to artists through OAuth (authorization code): the flow, the
 * connections' tokens (AES-256-GCM encrypted at rest with ANALYTICS_TOKEN_KEY), their refresh
 * and their use. One refresh per connection at a time across instances (an advisory lock; the
 * second waiter finds the token fresh and uses it).
 */
@Injectable()
export class SpotifyConnectionsService {
  private readonly logger = new Logger(SpotifyConnectionsService.name);

  constructor(
    private readonly prisma: PrismaService,
    private readonly access: ArtistAccessService,
    private readonly states: SpotifyOAuthStateService,
    private readonly spotify: SpotifyUserAuthClient,
    private readonly cipher: TokenCipher,
    private readonly config: AppConfig,
  ) {}

  /** Spotify's authorize URL for connecting `artistId`, with a signed state (10 minutes). */
  async authorizeUrl(user: AuthUser, artistId: string): Promise<string> {
    await this.access.assertOnTeam(user, artistId);
    this.assertConfigured();
    return this.spotify.authorizeUrl(await this.states.sign(artistId, user.id));
  }

  /** Spotify's redirect back: checks the state, exchanges the code, stores the connection. */
  async completeAuthorization(query: { code?: string; state?: string; error?: string }): Promise<ConnectedDto> {
    if (query.error) {
      throw new BadRequestException(
        query.error === 'access_denied'
          ? 'Spotify access was not granted (access_denied): the Spotify account declined to connect. Nothing was stored; start again to connect.'
          : `Spotify answered the authorization with an error (${query.error}). Nothing was stored; start again to connect.`,
      );
    }
    if (!query.state) throw new BadRequestException('state is required: start from GET /api/analytics/spotify/authorize');
    if (!query.code) throw new BadRequestException('code is required: Spotify adds it when the account approves');
    let state;
    try {
      state = await this.states.verify(query.state);
    } catch (error) {
      if (error instanceof InvalidOAuthStateError) throw new BadRequestException(error.message);
      throw error;
    }
    // The account that started must still exist and still be on the artist's team.
    const starter = await this.prisma.user.findUnique({ where: { id: state.userId }, select: { id: true, role: true, username: true } });
    if (!starter) throw new BadRequestException('The account that started connecting Spotify no longer exists.');
    await this.access.assertOnTeam(starter, state.artistId);
    this.assertConfigured();

    const grant = await this.askSpotify(() => this.spotify.exchangeCode(query.code!), 'Spotify refused the authorization code');
    if (!grant.refreshToken) throw new ServiceUnavailableException('Spotify answered the authorization code without a refresh token; please try again.');
    const profile = await this.askSpotify(() => this.spotify.me(grant.accessToken), 'Spotify refused the new access token');
    const now = new Date();
    const tokens = this.sealed(state.artistId, grant, grant.refreshToken);
    const connection = await this.prisma.spotifyConnection.upsert({
      where: { artistId: state.artistId },
      create: {
        artistId: state.artistId,
        spotifyUserId: profile.id,
        displayName: profile.displayName,
        scope: grant.scope ?? '',
        connectedById: starter.id,
        refreshedAt: now,
        ...tokens,
      },
      update: {
        spotifyUserId: profile.id,
        displayName: profile.displayName,
        scope: grant.scope ?? '',
        connectedById: starter.id,
        refreshedAt: now,
        lastError: null,
        createdAt: now,
        ...tokens,
      },
    });
    this.logger.log(`Spotify account ${profile.id} connected to artist ${state.artistId} by ${starter.username}`);
    return {
      connected: true,
      artist_id: connection.artistId,
      spotify_user_id: connection.spotifyUserId,
      display_name: connection.displayName,
      scope: connection.scope,
      expires_at: connection.expiresAt,
      redirect_to: connectedPage(connection.artistId),
    };
  }

  async status(user: AuthUser, artistId: string, verify = false): Promise<SpotifyStatusDto> {
    await this.access.assertOnTeam(user, artistId);
    let verified: boolean | undefined;
    if (verify && (await this.prisma.spotifyConnection.count({ where: { artistId } })) > 0) {
      verified = await this.currentUser(artistId).then(
        () => true,
        () => false,
      );
    }
    const [connection, profile] = await Promise.all([
      this.prisma.spotifyConnection.findUnique({ where: { artistId } }),
      this.prisma.artistPlatformAccount.findUnique({ where: { artistId_platform: { artistId, platform: 'spotify' } } }),
    ]);
    return {
      artist_id: artistId,
      configured: this.spotify.configured,
      connected: connection !== null,
      spotify_user_id: connection?.spotifyUserId ?? null,
      display_name: connection?.displayName ?? null,
      scope: connection?.scope ?? null,
      expires_at: connection?.expiresAt ?? null,
      refreshed_at: connection?.refreshedAt ?? null,
      connected_at: connection?.createdAt ?? null,
      last_error: connection?.lastError ?? null,
      needs_reconnect: connection?.lastError?.startsWith(RECONNECT_REQUIRED) ?? false,
      ...(verified !== undefined && { verified }),
      artist_profile: profile ? { id: profile.externalId, url: profile.url, last_sync_at: profile.lastSyncAt } : null,
    };
  }

  /** Forgets the connection's tokens. Spotify has no revocation endpoint: the user removes the app on spotify.com. */
  async disconnect(user: AuthUser, artistId: string): Promise<DisconnectedDto> {
    await this.access.assertOnTeam(user, artistId);
    const { count } = await this.prisma.spotifyConnection.deleteMany({ where: { artistId } });
    return { artist_id: artistId, disconnected: count > 0, notice: count > 0 ? NO_REVOKE_NOTICE : 'No Spotify account was connected to this artist.' };
  }

  /** The connection's access token, refreshed first when it expires within 30 minutes. */
  async accessToken(artistId: string): Promise<string> {
    let connection = await this.prisma.spotifyConnection.findUnique({ where: { artistId } });
    if (!connection) throw new NotFoundException('No Spotify account is connected to this artist.');
    if (connection.lastError?.startsWith(RECONNECT_REQUIRED))
      throw new ConflictException(`The Spotify connection must be connected again: ${connection.lastError.slice(RECONNECT_REQUIRED.length)}`);
    if (connection.expiresAt.getTime() - Date.now() <= USE_REFRESH_MARGIN_MS) {
      const outcome = await this.refresh(artistId, USE_REFRESH_MARGIN_MS);
      if (!outcome.ok) {
        if (outcome.error instanceof SpotifyUnavailableError)
          throw new ServiceUnavailableException(`Spotify is not answering right now: ${outcome.error.message}`);
        if (outcome.error instanceof SpotifyGrantRefusedError)
          throw new ConflictException(`Spotify refused to refresh the connection: ${outcome.error.message}`);
        throw outcome.error;
      }
      connection = outcome.connection;
    }
    try {
      return this.cipher.decrypt(connection.accessTokenEncrypted, sealContext(artistId, 'access'));
    } catch (error) {
      if (!(error instanceof TokenDecryptionError)) throw error;
      await this.recordError(artistId, `${RECONNECT_REQUIRED}the stored tokens do not open with this ANALYTICS_TOKEN_KEY`);
      throw new ConflictException('The stored Spotify tokens do not open with this ANALYTICS_TOKEN_KEY: connect Spotify again.');
    }
  }

  /** The connected Spotify account, asked with the connection's token (which is refreshed first when due). */
  async currentUser(artistId: string): Promise<{ id: string; displayName: string | null }> {
    const token = await this.accessToken(artistId);
    try {
      const profile = await this.spotify.me(token);
      await this.prisma.spotifyConnection.updateMany({ where: { artistId }, data: { displayName: profile.displayName, lastError: null } });
      return profile;
    } catch (error) {
      await this.recordError(artistId, (error as Error).message);
      throw error;
    }
  }

  /**
   * The hourly job: refreshes every connection expiring within 90 minutes, one at a time; a
   * failure is recorded on its connection (last_error) and counted, never stops the others.
   */
  async refreshExpiring(windowMs = JOB_REFRESH_WINDOW_MS): Promise<RefreshRunResult> {
    const due = await this.prisma.spotifyConnection.findMany({
      where: { expiresAt: { lte: new Date(Date.now() + windowMs) } },
      select: { artistId: true, lastError: true },
      orderBy: { expiresAt: 'asc' },
    });
    const result: RefreshRunResult = { refreshed: 0, failed: 0, needs_reconnect: 0, errors: [] };
    for (const { artistId, lastError } of due) {
      if (lastError?.startsWith(RECONNECT_REQUIRED)) {
        result.needs_reconnect++;
        continue;
      }
      try {
        const outcome = await this.refresh(artistId, windowMs);
        if (outcome.ok) result.refreshed++;
        else {
          result.failed++;
          result.errors.push({ artist_id: artistId, error: outcome.error.message });
        }
      } catch (error) {
        // The database, not Spotify: counted like any failure.
        result.failed++;
        result.errors.push({ artist_id: artistId, error: (error as Error).message });
      }
    }
    if (result.failed > 0)
      this.logger.warn(`Spotify token refresh: ${result.failed} of ${due.length} failed (${result.errors.map((e) => e.artist_id).join(', ')})`);
    return result;
  }

  /**
   * Refreshes the connection's tokens unless they are good for more than `marginMs` (another
   * caller may have refreshed them while this one waited for the lock). A refusal from Spotify
   * is recorded in last_error: invalid_grant (revoked, or the user removed the app) marks the
   * connection as needing reconnecting. Spotify may or may not answer a new refresh token; the
   * old one is kept when it does not.
   */
  private async refresh(artistId: string, marginMs: number): Promise<RefreshOutcome> {
    const budgetMs = this.config.SPOTIFY_TIMEOUT_MS * (this.config.SPOTIFY_MAX_RETRIES + 1) + 10_000;
    const outcome = await this.prisma.$transaction(
      async (tx): Promise<RefreshOutcome> => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('analytics-spotify-refresh'), hashtext(${artistId}))`;
        const connection = await tx.spotifyConnection.findUnique({ where: { artistId } });
        if (!connection) return { ok: false, error: new NotFoundException('No Spotify account is connected to this artist.') };
        if (connection.expiresAt.getTime() - Date.now() > marginMs) return { ok: true, connection };
        const fail = async (message: string, error: Error): Promise<RefreshOutcome> => {
          await tx.spotifyConnection.update({ where: { artistId }, data: { lastError: message } });
          return { ok: false, error };
        };
        let refreshToken: string;
        try {
          refreshToken = this.cipher.decrypt(connection.refreshTokenEncrypted, sealContext(artistId, 'refresh'));
        } catch (error) {
          if (!(error instanceof TokenDecryptionError)) throw error;
          const message = `${RECONNECT_REQUIRED}the stored tokens do not open with this ANALYTICS_TOKEN_KEY`;
          return fail(message, new ConflictException(`${message}: connect Spotify again.`));
        }
        let grant: UserTokenGrant;
        try {
          grant = await this.spotify.refresh(refreshToken);
        } catch (error) {
          if (error instanceof SpotifyGrantRefusedError && error.code === 'invalid_grant') {
            return fail(
              `${RECONNECT_REQUIRED}${error.message}`,
              new ConflictException(`Spotify no longer accepts this connection (${error.message}): connect Spotify again.`),
            );
          }
          if (error instanceof SpotifyGrantRefusedError || error instanceof SpotifyUnavailableError) return fail(error.message, error);
          throw error;
        }
        const updated = await tx.spotifyConnection.update({
          where: { artistId },
          data: {
            ...this.sealed(artistId, grant, grant.refreshToken ?? refreshToken),
            ...(grant.scope !== null && { scope: grant.scope }),
            refreshedAt: new Date(),
            lastError: null,
          },
        });
        return { ok: true, connection: updated };
      },
      { maxWait: 10_000, timeout: 2 * budgetMs },
    );
    if (!outcome.ok) this.logger.warn(`Spotify token refresh for artist ${artistId} failed: ${outcome.error.message}`);
    return outcome;
  }

  private sealed(artistId: string, grant: UserTokenGrant, refreshToken: string) {
    return {
      accessTokenEncrypted: this.cipher.encrypt(grant.accessToken, sealContext(artistId, 'access')),
      refreshTokenEncrypted: this.cipher.encrypt(refreshToken, sealContext(artistId, 'refresh')),
      expiresAt: new Date(Date.now() + grant.expiresInSeconds * 1000),
    };
  }

  private async recordError(artistId: string, message: string): Promise<void> {
    await this.prisma.spotifyConnection.updateMany({ where: { artistId }, data: { lastError: message } });
  }

  private assertConfigured(): void {
    if (!this.spotify.configured) {
      throw new ServiceUnavailableException(
        'Spotify is not configured: set SPOTIFY_CLIENT_ID, SPOTIFY_CLIENT_SECRET and SPOTIFY_REDIRECT_URI to connect accounts.',
      );
    }
  }

  /** Spotify's refusals during the callback are the caller's problem (400); no answer is 503. */
  private async askSpotify<T>(call: () => Promise<T>, refused: string): Promise<T> {
    try {
      return await call();
    } catch (error) {
      if (error instanceof SpotifyGrantRefusedError)
        throw new BadRequestException(`${refused} (${error.message}): start again from GET /api/analytics/spotify/authorize.`);
      if (error instanceof SpotifyUnavailableError) {
        this.logger.warn(error.message);
        throw new ServiceUnavailableException('Spotify is not answering right now; please try connecting again shortly.');
      }
      throw error;
    }
  }
}
