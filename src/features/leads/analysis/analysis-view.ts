import type { LeadAnalysisDto, LeadScoreDto } from '../dto/analyze.dto.js';
import type { ScoreItem } from '../scoring/facts.js';
import type { LeadScore } from '../scoring/score-lead.js';
import type { LeadAnalysis } from './lead-analysis.service.js';
import { scoringInputs } from './scoring-inputs.js';

/** A score as the API shows it. */
export function scoreView(score: LeadScore): LeadScoreDto {
  const component = ({ points, max, items }: { points: number; max: number; items: ScoreItem[] }) => ({ points, max, items });
  return {
    total: score.total,
    tier: score.tier,
    independence_class: score.independence.class,
    region: score.geography.region,
    independence: component(score.independence),
    opportunity: component(score.opportunity),
    geography: component(score.geography),
    reasons: score.reasons,
  };
}

/** The answer of POST /api/leads/analyze-isrc. */
export function analysisView(analysis: LeadAnalysis): LeadAnalysisDto {
  const { findings, draft, score } = analysis;
  const { recording, artist, release, spotify, lastfm, youtube } = findings;
  return {
    isrc: analysis.isrc,
    artist_id: analysis.artistId,
    recording: recording && {
      title: recording.title,
      musicbrainz_id: recording.id,
      length_ms: recording.lengthMs,
      first_release_date: recording.firstReleaseDate,
    },
    artist:
      draft.artistName === null
        ? null
        : {
            name: draft.artistName,
            musicbrainz_id: artist?.id ?? recording?.artistCredit[0]?.artist.id ?? null,
            type: artist?.type ?? null,
            country: draft.country,
            area: draft.area,
            genres: draft.genres,
            spotify: spotify?.artist
              ? { id: spotify.artist.id, followers: spotify.artist.followers, popularity: spotify.artist.popularity, track_popularity: spotify.popularity }
              : null,
            lastfm: lastfm ? { listeners: lastfm.listeners, playcount: lastfm.playcount, tags: lastfm.tags } : null,
          },
    release: release && { musicbrainz_id: release.id, title: release.title, date: release.date, country: release.country, status: release.status },
    label: {
      names: draft.labelNames,
      distributor: draft.distributorName,
      independence_class: score.independence.class,
      reason: score.independence.classification.reason,
    },
    youtube:
      youtube &&
      (youtube.hasChannel
        ? {
            has_channel: true,
            channel_id: youtube.channelId,
            title: youtube.title,
            subscribers: youtube.subscribers,
            views: youtube.views,
            video_count: youtube.videoCount,
            recent_uploads_90d: youtube.recentUploads90d,
            last_upload_at: youtube.lastUploadAt,
          }
        : { has_channel: false }),
    youtube_opportunities: score.opportunity.youtube,
    contacts: draft.contacts,
    score: scoreView(score),
    scoring_inputs: scoringInputs(draft),
    sources: analysis.sources,
    total_score: score.total,
    independence_score: score.independence.points,
    opportunity_score: score.opportunity.points,
    geographic_score: score.geography.points,
    lead_tier: score.tier,
  };
}
