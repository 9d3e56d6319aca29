import {
  BadGatewayException,
  BadRequestException,
  ConflictException,
  Injectable,
  Logger,
  NotFoundException,
  ServiceUnavailableException,
} from '@nestjs/common';
import type { AuthUser } from '../../../platform/auth/auth-user.js';
import { PrismaService } from '../../../platform/database/prisma.service.js';
import type { Prisma } from '../../../generated/prisma/client.js';
import type { SpotifyArtist } from '../../spotify/spotify-artist.js';
import { SpotifyClient, SpotifyRequestError, SpotifyUnavailableError } from '../../spotify/spotify-client.js';
import { ArtistAccessService } from '../artist-access.service.js';
import { SpotifyConnector } from '../connectors/spotify.connector.js';
import { MetricsIngestionService } from '../ingestion/metrics-ingestion.service.js';
import { ArtistsService } from '../../catalog/artists/artists.service.js';
import type { ImportSpotifyResultDto } from './spotify.dto.js';
import { parseSpotifyArtistReference } from './spotify-artist-reference.js';

export interface SpotifyImport {
  /** True when this import linked the Spotify artist (201); false when it was linked already (200). */
  created: boolean;
  result: ImportSpotifyResultDto;
}

/**
 * Links a Spotify artist profile to an Encore artist (artist_platform_accounts) and stores its
 * numbers of today. Which Encore artist:
 * - the Spotify artist is linked already: that artist, when the caller is on its team (its numbers
 *   are refreshed: 200); otherwise 409, a profile belongs to one artist;
 * - `artist_id` given: that artist (the caller must be on its team), unless it is linked to
 *   another Spotify artist (409);
 * - otherwise an artist account links its own artist (409 when that is linked to another Spotify
 *   artist: artist accounts do not create artists), and an admin creates a new artist named as on
 *   Spotify, belonging to no account (its team is managed separately).
 */
@Injectable()
export class SpotifyImportService {
  private readonly logger = new Logger(SpotifyImportService.name);

  constructor(
    private readonly prisma: PrismaService,
    private readonly spotify: SpotifyClient,
    private readonly access: ArtistAccessService,
    private readonly ingestion: MetricsIngestionService,
    private readonly artists: ArtistsService,
  ) {}

  async import(user: AuthUser, reference: string, artistId?: string): Promise<SpotifyImport> {
    const spotifyId = parseSpotifyArtistReference(reference);
    if (!spotifyId) throw new BadRequestException('spotify must be a Spotify artist id, link or URI');
    if (artistId) await this.access.assertOnTeam(user, artistId);
    const artist = await this.fetch(spotifyId);
    const link = await this.prisma.$transaction(async (tx) => {
      // Imports are short and rare: one at a time keeps both keys (one profile per artist, one artist per profile) race-free.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('analytics-spotify-import'))`;
      const existing = await tx.artistPlatformAccount.findUnique({
        where: { platform_externalId: { platform: 'spotify', externalId: spotifyId } },
        include: { artist: { select: { id: true, name: true } } },
      });
      if (existing) {
        if ((artistId && artistId !== existing.artistId) || !(await this.onTeam(tx, user, existing.artistId))) {
          throw new ConflictException(`Spotify artist ${spotifyId} is already linked to another Encore artist (${existing.artist.name}).`);
        }
        await tx.artistPlatformAccount.update({
          where: { artistId_platform: { artistId: existing.artistId, platform: 'spotify' } },
          data: { url: artist.spotifyUrl },
        });
        return { created: false, artist: existing.artist };
      }
      const target = await this.target(tx, user, artistId, artist);
      await tx.artistPlatformAccount.create({ data: { artistId: target.id, platform: 'spotify', externalId: spotifyId, url: artist.spotifyUrl } });
      return { created: true, artist: target };
    });
    const rows = SpotifyConnector.rows(artist);
    if (rows.length > 0) await this.ingestion.upsertDaily(link.artist.id, rows, 'spotify');
    await this.prisma.artistPlatformAccount.updateMany({ where: { artistId: link.artist.id, platform: 'spotify' }, data: { lastSyncAt: new Date() } });
    if (link.created) this.logger.log(`Spotify artist ${spotifyId} linked to artist ${link.artist.id} by ${user.username}`);
    return {
      created: link.created,
      result: {
        artist: { id: link.artist.id, name: link.artist.name },
        spotify: {
          id: artist.id,
          name: artist.name,
          url: artist.spotifyUrl,
          followers: artist.followers,
          popularity: artist.popularity,
          genres: artist.genres,
          image: artist.image,
        },
      },
    };
  }

  private async fetch(spotifyId: string): Promise<SpotifyArtist> {
    try {
      const artist = await this.spotify.getArtist(spotifyId);
      if (!artist) throw new NotFoundException(`Spotify has no artist ${spotifyId}.`);
      return artist;
    } catch (error) {
      if (error instanceof SpotifyUnavailableError) {
        if (!this.spotify.configured)
          throw new ServiceUnavailableException('Spotify is not configured: set SPOTIFY_CLIENT_ID and SPOTIFY_CLIENT_SECRET to import artists.');
        this.logger.warn(error.message);
        throw new ServiceUnavailableException('Spotify is not answering right now; please retry shortly.');
      }
      if (error instanceof SpotifyRequestError) throw new BadGatewayException(`Spotify refused the artist lookup: ${error.message}`);
      throw error;
    }
  }

  /** The artist a new link goes to: the one named, the caller's own, or (admins) a new one. */
  private async target(
    tx: Prisma.TransactionClient,
    user: AuthUser,
    artistId: string | undefined,
    artist: SpotifyArtist,
  ): Promise<{ id: string; name: string }> {
    const target = artistId
      ? await tx.artist.findUnique({ where: { id: artistId }, select: { id: true, name: true } })
      : user.role === 'admin'
        ? null
        : await tx.artist.findUnique({ where: { userId: user.id }, select: { id: true, name: true } });
    if (!target) {
      if (artistId) throw new NotFoundException(`Artist ${artistId} not found`);
      if (user.role !== 'admin') throw new ConflictException('This account has no artist to link a Spotify profile to.');
      return this.artists.createArtist({ name: artist.name }, tx);
    }
    const linked = await tx.artistPlatformAccount.findUnique({ where: { artistId_platform: { artistId: target.id, platform: 'spotify' } } });
    if (linked) {
      throw new ConflictException(
        `${target.name} is already linked to Spotify artist ${linked.externalId}. ` +
          (artistId || user.role === 'admin'
            ? 'An artist has one Spotify profile.'
            : 'Artist accounts import their own profile; an admin can import other artists.'),
      );
    }
    return target;
  }

  private async onTeam(tx: Prisma.TransactionClient, user: AuthUser, artistId: string): Promise<boolean> {
    return (await tx.artist.count({ where: { AND: [{ id: artistId }, this.access.visibleArtists(user)] } })) > 0;
  }
}
