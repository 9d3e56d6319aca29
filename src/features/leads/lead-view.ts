import type { Prisma } from '../../generated/prisma/client.js';
import type { LeadDetailDto, LeadDto } from './dto/leads.dto.js';
import type { ScoringInput } from './analysis/scoring-inputs.js';
import type { YoutubeOpportunity } from './scoring/youtube.js';

/** What a listed lead is read with. */
export const LEAD_INCLUDE = {
  artist: { select: { name: true, demo: true, leadRecordings: { select: { isrc: true }, orderBy: { analyzedAt: 'desc' } } } },
  contacts: { orderBy: [{ kind: 'asc' }, { value: 'asc' }] },
} satisfies Prisma.LeadProfileInclude;

type ListedLead = Prisma.LeadProfileGetPayload<{ include: typeof LEAD_INCLUDE }>;

/** The breakdown as kept by the analysis: the score's components and reasons. */
interface StoredBreakdown {
  opportunity?: { youtube?: YoutubeOpportunity[] };
  reasons?: string[];
  /** Absent for leads scored before the inputs were kept. */
  inputs?: ScoringInput[];
}

const breakdownOf = (lead: { breakdown: Prisma.JsonValue }) => (lead.breakdown ?? {}) as StoredBreakdown;
const toNumber = (value: bigint | null) => (value === null ? null : Number(value));

/** A lead as listed and exported. */
export function leadView(lead: ListedLead): LeadDto {
  const breakdown = breakdownOf(lead);
  return {
    artist_id: lead.artistId,
    id: lead.artistId,
    artist_name: lead.artist.name,
    country: lead.country,
    region: lead.region,
    tier: lead.tier,
    total_score: lead.totalScore,
    independence_score: lead.independenceScore,
    opportunity_score: lead.opportunityScore,
    geography_score: lead.geographyScore,
    geographic_score: lead.geographyScore,
    lead_tier: lead.tier,
    independence: lead.independence,
    label_name: lead.labelName,
    distributor_name: lead.distributorName,
    genres: lead.genres,
    spotify_followers: lead.spotifyFollowers,
    spotify_popularity: lead.spotifyPopularity,
    lastfm_listeners: lead.lastfmListeners,
    youtube: lead.youtubeCheckedAt
      ? {
          channel_id: lead.youtubeChannelId,
          subscribers: lead.youtubeSubscribers,
          views: toNumber(lead.youtubeViews),
          recent_uploads_90d: lead.youtubeRecentUploads,
          opportunities: (breakdown.opportunity?.youtube ?? []).map((opportunity) => opportunity.kind),
        }
      : null,
    outreach_status: lead.outreachStatus,
    contacts: lead.contacts.map(({ kind, value, source }) => ({ kind, value, source })),
    isrcs: lead.artist.leadRecordings.map((recording) => recording.isrc),
    reasons: breakdown.reasons ?? [],
    scored_at: lead.scoredAt,
    demo: lead.artist.demo,
  };
}

type DetailedLead = Omit<ListedLead, 'artist'> & {
  artist: { name: string; demo: boolean; leadRecordings: Prisma.LeadRecordingGetPayload<object>[] };
  outreach: Array<Prisma.LeadOutreachEventGetPayload<object> & { user: { username: string } | null }>;
};

export function leadDetailView(lead: DetailedLead): LeadDetailDto {
  const breakdown = breakdownOf(lead);
  return {
    ...leadView(lead),
    musicbrainz_id: lead.musicbrainzId,
    area: lead.area,
    outreach_notes: lead.outreachNotes,
    breakdown: lead.breakdown as object,
    scoring_inputs: breakdown.inputs ?? null,
    youtube_opportunities: breakdown.opportunity?.youtube ?? [],
    youtube_channel: lead.youtubeCheckedAt
      ? {
          channel_id: lead.youtubeChannelId,
          subscribers: lead.youtubeSubscribers,
          views: toNumber(lead.youtubeViews),
          video_count: lead.youtubeVideoCount,
          recent_uploads_90d: lead.youtubeRecentUploads,
          last_upload_at: lead.youtubeLastUploadAt,
          checked_at: lead.youtubeCheckedAt,
        }
      : null,
    recordings: lead.artist.leadRecordings.map((recording) => ({
      isrc: recording.isrc,
      title: recording.title,
      release_title: recording.releaseTitle,
      release_date: recording.releaseDate,
      label_name: recording.labelName,
      distributor_name: recording.distributorName,
      musicbrainz_id: recording.musicbrainzId,
      spotify_track_id: recording.spotifyTrackId,
      sources: recording.sources,
      analyzed_at: recording.analyzedAt,
    })),
    outreach_history: lead.outreach.map((event) => ({
      status: event.status,
      notes: event.notes,
      username: event.user?.username ?? null,
      created_at: event.createdAt,
    })),
    first_seen_at: lead.firstSeenAt,
  };
}
