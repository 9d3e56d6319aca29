import { Injectable } from '@nestjs/common';
import type { LeadProfile, Prisma } from '../../../generated/prisma/client.js';
import { PrismaService } from '../../../platform/database/prisma.service.js';
import { ArtistsService } from '../../catalog/artists/artists.service.js';
import type { LeadScore } from '../scoring/score-lead.js';
import type { LeadDraft, PreviousSnapshot, SourceFindings } from './lead-facts.js';
import { scoringInputs } from './scoring-inputs.js';

/** One analysed ISRC, ready to keep. */
export interface AnalyzedLead {
  isrc: string;
  findings: SourceFindings;
  draft: LeadDraft;
  score: LeadScore;
  /** The sources that answered. */
  sources: string[];
  /** An invented lead (the demo pipeline): its artist is marked demo. */
  demo?: boolean;
}

/** Who an analysis found: the MusicBrainz artist, else the Spotify artist. */
function artistKeys(findings: SourceFindings): { mbid: string | null; spotifyId: string | null } {
  return {
    mbid: findings.artist?.id ?? findings.recording?.artistCredit[0]?.artist.id ?? null,
    spotifyId: findings.spotify?.artist?.id ?? null,
  };
}

/**
 * Keeps analysed leads: the shared artist (created the first time a source names them), the
 * lead profile with its scores, the recording, and contacts. An artist is recognised by their
 * MusicBrainz id, else their Spotify id; never by name (two artists may share one).
 */
@Injectable()
export class LeadStoreService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly artists: ArtistsService,
  ) {}

  /** The lead already kept for the artist the sources found, if any. */
  async findExisting(findings: SourceFindings): Promise<LeadProfile | null> {
    const { mbid, spotifyId } = artistKeys(findings);
    if (mbid) {
      const byMbid = await this.prisma.leadProfile.findUnique({ where: { musicbrainzId: mbid } });
      if (byMbid) return byMbid;
    }
    return spotifyId ? this.prisma.leadProfile.findFirst({ where: { spotifyArtistId: spotifyId } }) : null;
  }

  /** The lead's most recently analysed recording, or null when there is no lead for the artist. */
  latestRecording(artistId: string): Promise<{ isrc: string } | null> {
    return this.prisma.leadRecording.findFirst({
      where: { artistId, artist: { leadProfile: { isNot: null } } },
      orderBy: { analyzedAt: 'desc' },
      select: { isrc: true },
    });
  }

  /** The figures of the last analysis, for growth. */
  static snapshotOf(profile: LeadProfile | null): PreviousSnapshot | null {
    if (!profile) return null;
    return {
      spotifyFollowers: profile.spotifyFollowers,
      spotifyPopularity: profile.spotifyPopularity,
      lastfmListeners: profile.lastfmListeners,
      youtubeSubscribers: profile.youtubeSubscribers,
      youtubeViews: profile.youtubeViews === null ? null : Number(profile.youtubeViews),
    };
  }

  /**
   * Keeps the lead in one transaction; returns the artist's id, or null when no source named an
   * artist (the recording is kept alone). Concurrent analyses of the same artist (a bulk job's
   * workers) take turns on an advisory lock, so the artist is created once.
   */
  async save(lead: AnalyzedLead): Promise<string | null> {
    const { mbid, spotifyId } = artistKeys(lead.findings);
    return this.prisma.$transaction(async (tx) => {
      let artistId: string | null = null;
      if (lead.draft.artistName && (mbid || spotifyId)) {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`lead-artist:${mbid ?? spotifyId}`}, 0))`;
        artistId = await this.saveProfile(tx, lead, mbid, spotifyId);
      }
      await this.saveRecording(tx, lead, artistId);
      return artistId;
    });
  }

  private async saveProfile(tx: Prisma.TransactionClient, lead: AnalyzedLead, mbid: string | null, spotifyId: string | null): Promise<string> {
    const existing =
      (mbid ? await tx.leadProfile.findUnique({ where: { musicbrainzId: mbid }, select: { artistId: true } }) : null) ??
      (spotifyId ? await tx.leadProfile.findFirst({ where: { spotifyArtistId: spotifyId }, select: { artistId: true } }) : null);
    const name = lead.draft.artistName!;
    const artistId = existing?.artistId ?? (await this.artists.createArtist({ name, demo: lead.demo ?? false }, tx)).id;
    const data = this.profileData(lead, mbid, spotifyId);
    await tx.leadProfile.upsert({ where: { artistId }, create: { artistId, ...data }, update: data });
    if (lead.draft.contacts.length > 0) {
      await tx.leadContact.createMany({ data: lead.draft.contacts.map((contact) => ({ artistId, ...contact })), skipDuplicates: true });
    }
    return artistId;
  }

  private profileData(lead: AnalyzedLead, mbid: string | null, spotifyId: string | null): Omit<Prisma.LeadProfileUncheckedCreateInput, 'artistId'> {
    const { draft, score, findings } = lead;
    const { spotify, lastfm, youtube } = findings;
    const channel = youtube?.hasChannel ? youtube : null;
    return {
      musicbrainzId: mbid,
      country: score.geography.country,
      area: draft.area,
      region: score.geography.region,
      independence: score.independence.class,
      labelName: draft.labelNames.join('; ') || null,
      distributorName: draft.distributorName,
      independenceScore: score.independence.points,
      opportunityScore: score.opportunity.points,
      geographyScore: score.geography.points,
      totalScore: score.total,
      tier: score.tier,
      breakdown: JSON.parse(
        JSON.stringify({
          independence: score.independence,
          opportunity: score.opportunity,
          geography: score.geography,
          reasons: score.reasons,
          inputs: scoringInputs(draft),
        }),
      ) as Prisma.InputJsonValue,
      // A source that did not answer this time leaves its figures as they were.
      ...(spotify?.artist && {
        spotifyArtistId: spotifyId,
        spotifyFollowers: spotify.artist.followers,
        spotifyPopularity: spotify.artist.popularity,
      }),
      genres: draft.genres,
      ...(lastfm && { lastfmListeners: lastfm.listeners, lastfmPlaycount: lastfm.playcount === null ? null : BigInt(lastfm.playcount) }),
      ...(youtube && {
        youtubeChannelId: channel?.channelId ?? null,
        youtubeSubscribers: channel?.subscribers ?? null,
        youtubeViews: channel?.views === null || channel?.views === undefined ? null : BigInt(channel.views),
        youtubeVideoCount: channel?.videoCount ?? null,
        youtubeRecentUploads: channel?.recentUploads90d ?? null,
        youtubeLastUploadAt: channel?.lastUploadAt ? new Date(channel.lastUploadAt) : null,
        youtubeCheckedAt: new Date(),
      }),
      scoredAt: new Date(),
    };
  }

  private async saveRecording(tx: Prisma.TransactionClient, lead: AnalyzedLead, artistId: string | null): Promise<void> {
    const { recording, release, spotify } = lead.findings;
    const data = {
      title: recording?.title ?? null,
      artistId,
      musicbrainzId: recording?.id ?? null,
      lengthMs: recording?.lengthMs ?? null,
      releaseTitle: release?.title ?? null,
      releaseDate: release?.date ?? recording?.firstReleaseDate ?? spotify?.releaseDate ?? null,
      labelName: lead.draft.labelNames.join('; ') || null,
      distributorName: lead.draft.distributorName,
      spotifyTrackId: spotify?.trackId ?? null,
      spotifyPopularity: spotify?.popularity ?? null,
      sources: lead.sources,
      analyzedAt: new Date(),
    };
    await tx.leadRecording.upsert({ where: { isrc: lead.isrc }, create: { isrc: lead.isrc, ...data }, update: data });
  }
}
