import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../../platform/database/prisma.service.js';
import { utcDay } from '../ingestion/metric-rows.js';
import type { CompetingReleasesDto, OwnReleaseDto } from './competing-releases.dto.js';
import { COMPETING_RELEASES_QUEUE } from './competing-releases.job.js';
import type { ReleaseWeek } from './release-week.js';

export const NOT_SCANNED_NOTE = `Not scanned yet: the ${COMPETING_RELEASES_QUEUE} job looks for the week's releases daily at 03:00 UTC.`;
export const NO_GENRES_NOTE =
  'No genres known for this artist (no Spotify artist genres, catalog song genres or lead genres): there is nothing to compare its releases with.';

/** An artist's week: the competing releases recorded for it, beside its own catalog releases. */
@Injectable()
export class CompetingReleasesView {
  constructor(private readonly prisma: PrismaService) {}

  async week(artist: { id: string; name: string }, week: ReleaseWeek): Promise<CompetingReleasesDto> {
    const weekStart = new Date(`${week.start}T00:00:00Z`);
    const [scan, rows, own] = await Promise.all([
      this.prisma.competingReleaseScan.findUnique({ where: { artistId_weekStart: { artistId: artist.id, weekStart } } }),
      this.prisma.competingRelease.findMany({
        where: { artistId: artist.id, weekStart },
        orderBy: [{ releaseDate: 'desc' }, { name: 'asc' }, { spotifyAlbumId: 'asc' }],
      }),
      this.prisma.catalogSong.findMany({
        where: { artistId: artist.id, visibility: 'public', releaseDate: { lte: new Date(`${week.end}T00:00:00Z`) } },
        select: { id: true, title: true, releaseDate: true, album: { select: { title: true } } },
        orderBy: [{ releaseDate: 'desc' }, { title: 'asc' }],
        take: 50,
      }),
    ]);
    const ownReleases = own.map((song): OwnReleaseDto => ({
      song_id: song.id,
      title: song.title,
      album: song.album?.title ?? null,
      release_date: utcDay(song.releaseDate!),
    }));
    return {
      artist,
      week,
      genres: scan?.genres ?? null,
      scanned_at: scan?.scannedAt ?? null,
      note: !scan ? NOT_SCANNED_NOTE : scan.genres.length === 0 ? NO_GENRES_NOTE : null,
      latest_release: ownReleases[0] ?? null,
      own_releases: ownReleases.filter((release) => release.release_date >= week.start),
      count: rows.length,
      results: rows.map((row) => ({
        spotify_album_id: row.spotifyAlbumId,
        name: row.name,
        album_type: row.albumType,
        artists: row.artistNames,
        release_date: utcDay(row.releaseDate),
        total_tracks: row.totalTracks,
        genres: row.genres,
        sources: row.sources,
        spotify_url: row.spotifyUrl,
        image_url: row.imageUrl,
        first_seen_at: row.firstSeenAt,
      })),
    };
  }
}
