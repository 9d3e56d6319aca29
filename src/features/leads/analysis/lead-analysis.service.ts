import { ConflictException, Injectable, NotFoundException, ServiceUnavailableException } from '@nestjs/common';
import { AppConfig } from '../../../platform/config/app-config.js';
import { parseIsrc } from '../isrc.js';
import { scoreLead, type LeadScore } from '../scoring/score-lead.js';
import { SourceError } from '../sources/http-source.js';
import { LastfmClient } from '../sources/lastfm.client.js';
import { MusicBrainzClient, type MbArtist, type MbLabel, type MbRecording, type MbRecordingRights } from '../sources/musicbrainz.client.js';
import { SpotifyLeadsClient } from '../sources/spotify-leads.client.js';
import { parseYoutubeChannelUrl, YoutubeClient, type YoutubeChannelSummary } from '../sources/youtube.client.js';
import {
  chooseRecording,
  chooseRelease,
  draftLead,
  type LastfmFindings,
  type LeadDraft,
  type SourceFindings,
  type SpotifyFindings,
  type YoutubeFindings,
} from './lead-facts.js';
import { LeadStoreService } from './lead-store.service.js';
import { SourceOutcomes, type SourceOutcome } from './source-outcome.js';
import { geographyTargets } from '../scoring/geography-targets.js';

export interface AnalyzeOptions {
  /** Keep the lead (artist, profile, recording, contacts); default true. */
  saveToDb?: boolean;
  /** Ask YouTube (quota permitting); default true. */
  includeYoutube?: boolean;
  /** Ask every source again rather than use cached answers; default false. */
  forceRefresh?: boolean;
  /** Ask YouTube again (other sources may answer from the cache); default false. */
  refreshYoutube?: boolean;
}

export interface LeadAnalysis {
  isrc: string;
  findings: SourceFindings;
  draft: LeadDraft;
  score: LeadScore;
  sources: SourceOutcome[];
  /** The artist's id when the lead was kept. */
  artistId: string | null;
}

/** At most this many labels are looked up per release: its labels, then their owners, up the tree (compilations list dozens). */
const MAX_LABEL_LOOKUPS = 6;

/** Why an ISRC gave no lead: no source knows it, or the sources that might could not be asked. */
export class LeadNotFoundError extends NotFoundException {}
export class LeadSourcesUnavailableError extends ServiceUnavailableException {}

/**
 * Analyses one ISRC: asks the sources (MusicBrainz always; Spotify, Last.fm and YouTube when
 * configured), turns their answers into the lead's facts, scores it and keeps it. A source that
 * fails is reported in `sources` and the analysis goes on with the others.
 */
@Injectable()
export class LeadAnalysisService {
  constructor(
    private readonly config: AppConfig,
    private readonly musicBrainz: MusicBrainzClient,
    private readonly spotify: SpotifyLeadsClient,
    private readonly lastfm: LastfmClient,
    private readonly youtube: YoutubeClient,
    private readonly store: LeadStoreService,
  ) {}

  /**
   * The analysis of `isrc` (any accepted spelling). Throws RangeError for an invalid ISRC,
   * LeadNotFoundError when no source knows it and LeadSourcesUnavailableError when no source
   * that could know it answered.
   */
  async analyze(input: string, options: AnalyzeOptions = {}): Promise<LeadAnalysis> {
    const parsed = parseIsrc(input);
    if (!parsed.ok) throw new RangeError(parsed.error);
    const { isrc } = parsed;
    const forceRefresh = options.forceRefresh ?? false;
    const outcomes = new SourceOutcomes();

    // MusicBrainz and Spotify know recordings by ISRC; Last.fm and YouTube need the artist they name.
    const [musicBrainz, spotify] = await Promise.all([this.fromMusicBrainz(isrc, outcomes, forceRefresh), this.fromSpotify(isrc, outcomes, forceRefresh)]);
    const artistName = musicBrainz.artist?.name ?? musicBrainz.recording?.artistCredit[0]?.artist.name ?? spotify?.artist?.name ?? null;
    const [lastfm, youtube] = artistName
      ? await Promise.all([
          this.fromLastfm(artistName, musicBrainz.artist, outcomes, forceRefresh),
          options.includeYoutube === false
            ? skipped(outcomes, YoutubeClient.SOURCE, 'include_youtube is false')
            : this.fromYoutube(artistName, musicBrainz.artist, outcomes, forceRefresh || options.refreshYoutube === true),
        ])
      : [null, null];
    const findings: SourceFindings = { isrc, ...musicBrainz, spotify, lastfm, youtube };
    if (!findings.recording && !findings.spotify) {
      const failures = outcomes.list.filter((outcome) => outcome.status === 'failed');
      const why = outcomes.list.map((outcome) => `${outcome.source}: ${outcome.detail ?? outcome.status}`).join('; ');
      if (failures.length > 0) throw new LeadSourcesUnavailableError(`ISRC ${isrc} could not be analysed: ${why}`);
      throw new LeadNotFoundError(`No source knows ISRC ${isrc} (${why})`);
    }

    const existing = await this.store.findExisting(findings);
    const draft = draftLead(findings, LeadStoreService.snapshotOf(existing));
    const score = scoreLead(draft.facts, { now: new Date(), targets: geographyTargets(this.config) });
    const analysis = { isrc, findings, draft, score, sources: outcomes.list, artistId: null };
    if (options.saveToDb === false) return analysis;
    return { ...analysis, artistId: await this.store.save({ isrc, findings, draft, score, sources: outcomes.answered }) };
  }

  /**
   * Asks YouTube again about a kept lead (through its latest recording, other sources from the
   * cache) and keeps the new figures and score. 404 without such a lead, 409 without a YouTube key.
   */
  async refreshYoutube(artistId: string): Promise<LeadAnalysis> {
    const recording = await this.store.latestRecording(artistId);
    if (!recording) throw new NotFoundException(`No lead for artist ${artistId}`);
    if (!this.youtube.configured) throw new ConflictException('YouTube is not configured: set YOUTUBE_API_KEY');
    return this.analyze(recording.isrc, { includeYoutube: true, refreshYoutube: true });
  }

  /**
   * The recording of the ISRC, its artist (with the size of their discography), its works and
   * rights, its latest release and that release's labels. After the
   * ISRC lookup, a failed lookup leaves its part out and is noted in MusicBrainz's outcome.
   */
  private async fromMusicBrainz(
    isrc: string,
    outcomes: SourceOutcomes,
    forceRefresh: boolean,
  ): Promise<Pick<SourceFindings, 'recording' | 'artist' | 'release' | 'labels' | 'rights' | 'releaseGroupCount'>> {
    const none = { recording: null, artist: null, release: null, labels: [], rights: null, releaseGroupCount: null };
    const options = { forceRefresh };
    const problems: string[] = [];
    const partial = async <T>(work: Promise<T | null>): Promise<T | null> => {
      try {
        return await work;
      } catch (error) {
        if (!(error instanceof SourceError)) throw error;
        problems.push(error.message);
        return null;
      }
    };

    let recording;
    try {
      recording = chooseRecording(await this.musicBrainz.lookupIsrc(isrc, options));
    } catch (error) {
      if (!(error instanceof SourceError)) throw error;
      outcomes.add(MusicBrainzClient.SOURCE, 'failed', error.message);
      return none;
    }
    if (!recording) {
      outcomes.add(MusicBrainzClient.SOURCE, 'not_found', 'no recording with this ISRC');
      return none;
    }
    const artistId = recording.artistCredit[0]?.artist.id;
    const releaseId = chooseRelease(recording.releases)?.id;
    const [artist, release, rights, releaseGroupCount] = await Promise.all([
      artistId ? partial(this.musicBrainz.getArtist(artistId, options)) : null,
      releaseId ? partial(this.musicBrainz.getRelease(releaseId, options)) : null,
      this.rightsOf(recording, partial, options),
      artistId ? partial(this.musicBrainz.countReleaseGroups(artistId, options)) : null,
    ]);
    const labels = await this.labelFamily(
      (release?.labels ?? []).flatMap((entry) => (entry.label && !entry.noLabel ? [entry.label.id] : [])),
      (id) => partial(this.musicBrainz.getLabel(id, options)),
    );
    outcomes.add(MusicBrainzClient.SOURCE, 'answered', problems.length > 0 ? problems.join('; ') : null);
    return { recording, artist, release, labels, rights, releaseGroupCount };
  }

  /**
   * The recording's works with their publishers, and its ℗ holder: one more request, saved when
   * the ISRC answer shows the recording links to no work (then nothing is known of publishing).
   */
  private async rightsOf(
    recording: MbRecording,
    partial: <T>(work: Promise<T | null>) => Promise<T | null>,
    options: { forceRefresh: boolean },
  ): Promise<MbRecordingRights | null> {
    if (recording.workIds !== null && recording.workIds.length === 0)
      return { recordingId: recording.id, works: [], publishers: [], phonographicCopyright: [] };
    return partial(this.musicBrainz.getRecordingRights(recording.id, options));
  }

  /** The track of the ISRC on Spotify, its album's label and its artist's audience (with credentials). */
  private async fromSpotify(isrc: string, outcomes: SourceOutcomes, forceRefresh: boolean): Promise<SpotifyFindings | null> {
    if (!this.spotify.configured) return skipped(outcomes, SpotifyLeadsClient.SOURCE, 'no SPOTIFY_CLIENT_ID and SPOTIFY_CLIENT_SECRET set');
    const found = await outcomes.ask(SpotifyLeadsClient.SOURCE, () => this.spotify.lookupIsrc(isrc, { forceRefresh }), 'no track with this ISRC');
    if (!found) return null;
    const { track, album, artist } = found;
    return {
      trackId: track.id,
      popularity: track.popularity,
      albumLabel: album?.label ?? null,
      releaseDate: album?.releaseDate ?? track.album.releaseDate,
      artist: artist && { ...artist, url: `https://open.spotify.com/artist/${artist.id}` },
    };
  }

  /** The artist's listeners, plays and tags on Last.fm (with a key): by MusicBrainz id, else by name. */
  private async fromLastfm(name: string, artist: MbArtist | null, outcomes: SourceOutcomes, forceRefresh: boolean): Promise<LastfmFindings | null> {
    if (!this.lastfm.configured) return skipped(outcomes, LastfmClient.SOURCE, 'no LASTFM_API_KEY set');
    const info = await outcomes.ask(LastfmClient.SOURCE, () => this.lastfm.artistInfo({ mbid: artist?.id, name }, { forceRefresh }), 'no such artist');
    return info && { listeners: info.listeners, playcount: info.playcount, tags: info.tags, url: info.url };
  }

  /**
   * The artist's channel (with a key): the one MusicBrainz links to, else the channel search's
   * match by name. Only the artist's own channel counts: YouTube's auto-generated "- Topic"
   * channel is no presence of theirs.
   */
  private async fromYoutube(name: string, artist: MbArtist | null, outcomes: SourceOutcomes, forceRefresh: boolean): Promise<YoutubeFindings | null> {
    if (!this.youtube.configured) return skipped(outcomes, YoutubeClient.SOURCE, 'no YOUTUBE_API_KEY set');
    const options = { forceRefresh };
    const linked = artist?.urls.find((link) => !link.ended && parseYoutubeChannelUrl(link.url) !== null);
    const summary = await outcomes.ask(
      YoutubeClient.SOURCE,
      async (): Promise<YoutubeChannelSummary | { none: true }> => {
        if (linked) {
          const channel = await this.youtube.channelByUrl(linked.url, options);
          if (channel) return channel;
        }
        const match = await this.youtube.findArtistChannel(name, options);
        const channel = match?.matchedBy === 'title' ? await this.youtube.channelSummary(match.channelId, options) : null;
        return channel ?? { none: true };
      },
      'no channel',
    );
    if (!summary) return null;
    if ('none' in summary) return { hasChannel: false };
    return {
      hasChannel: true,
      channelId: summary.channelId,
      title: summary.title,
      subscribers: summary.subscribers,
      views: summary.views,
      videoCount: summary.videoCount,
      recentUploads90d: summary.recentUploads90d,
      lastUploadAt: summary.lastUploadAt,
      channelCreatedAt: summary.channelCreatedAt,
    };
  }

  /**
   * The release's labels and, level by level, the labels that own them or whose imprint they are
   * (an imprint of a label owned by a major is the major's), each looked up once.
   */
  private async labelFamily(releaseLabelIds: string[], lookup: (id: string) => Promise<MbLabel | null>): Promise<MbLabel[]> {
    const found: MbLabel[] = [];
    const asked = new Set<string>();
    let level = [...new Set(releaseLabelIds)];
    while (level.length > 0 && asked.size < MAX_LABEL_LOOKUPS) {
      level = level.filter((id) => !asked.has(id)).slice(0, MAX_LABEL_LOOKUPS - asked.size);
      level.forEach((id) => asked.add(id));
      const labels = (await Promise.all(level.map(lookup))).filter((label): label is MbLabel => label !== null);
      found.push(...labels);
      level = labels.flatMap((label) => label.parents.filter((parent) => parent.kind !== 'distributor' && !parent.ended).map((parent) => parent.label.id));
    }
    return found;
  }
}

/** Records a source left out (not configured, or not asked for) and answers nothing. */
function skipped(outcomes: SourceOutcomes, source: string, why: string): null {
  outcomes.add(source, 'skipped', why);
  return null;
}
